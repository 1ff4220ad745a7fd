import { createRoot } from 'react-dom/client';

function Placeholder() {
  return (
    <main style={{ fontFamily: 'system-ui', margin: '3rem' }}>
      <h1>Stadskamer</h1>
      <p>Samen schrijven aan aanbevelingen voor de Vlaamse steden. De werkruimtes komen hier.</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<Placeholder />);
