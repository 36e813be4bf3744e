import '../assets/fonts/kiosk-fonts.css';
import './styles/kiosk.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { preloadKiosk } from './state/actions';

// The kiosk's identity and services are fetched while React builds its first frame.
preloadKiosk();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
