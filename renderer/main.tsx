import '../assets/fonts/kiosk-fonts.css';
import './styles/kiosk.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { preloadKiosk } from './state/actions';

// The kiosk's identity and services, from index.html or fetched while React builds its first frame.
const loaded = preloadKiosk();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App loaded={loaded} />
  </StrictMode>,
);
