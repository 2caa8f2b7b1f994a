import { createRoot } from 'react-dom/client';
import { RendererProvider } from '@fluentui/react-components';
import { App } from './app';
import { nonceRenderer } from './renderer';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <RendererProvider renderer={nonceRenderer()} targetDocument={document}>
    <App />
  </RendererProvider>,
);
