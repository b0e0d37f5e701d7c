// The editor page: toolbar, palette, canvas, inspector and run panels (filled in by the editor issue).
export function App() {
  return (
    <main className="app">
      <section role="region" aria-label="Canvas" />
      <section role="region" aria-label="Inspector" />
    </main>
  );
}
