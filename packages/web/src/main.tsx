import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { loadLanguage, storedLang } from './i18n.tsx';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  // A reader of English gets English from the first paint (Chinese if the table cannot be fetched).
  await loadLanguage(storedLang()).catch(() => undefined);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
