// React and Fluent UI, loaded by main.tsx once the first view has been drawn.
import { startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { RendererProvider } from '@fluentui/react-components';
import { App } from './app';
import { nonceRenderer } from './renderer';

// #root holds the built first view (first-view-plugin.ts); React's first render replaces it.
// As a transition, React renders in slices of a few milliseconds, so a phone stays
// responsive (the page is already drawn); only the commit is one piece.
const root = createRoot(document.getElementById('root')!);
startTransition(() =>
  root.render(
    <RendererProvider renderer={nonceRenderer()} targetDocument={document}>
      <App />
    </RendererProvider>,
  ),
);
