// vite's build-time modules (tab/vite.config.ts); the shape is CharterNames (charter-names.ts).
declare module 'virtual:charter-names' {
  const names: {
    perspectives: { id: string; title: string; heading: string; syntheseName: string }[];
    rows: { id: string; name: string }[];
  };
  export default names;
}
