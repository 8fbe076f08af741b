// The shell: a header with navigation and the routes. Heavy pages are lazy so the catalogue loads fast.
import { lazy, Suspense } from "react";
import { Link, NavLink, Route, Routes } from "react-router";
import { CataloguePage } from "./pages/catalogue-page.js";
import { NotFoundPage } from "./pages/not-found-page.js";

const LabPage = lazy(() => import("./pages/lab-page.js"));
const CheatSheetPage = lazy(() => import("./pages/cheat-sheet-page.js"));

export function App() {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="brand" aria-label="azlab home">
          az<span>lab</span>
        </Link>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Labs
          </NavLink>
          <NavLink to="/cheat-sheet">Cheat sheet</NavLink>
        </nav>
      </header>
      <main id="main" className="app-main">
        <Suspense fallback={<p className="loading" role="status">Loading…</p>}>
          <Routes>
            <Route path="/" element={<CataloguePage />} />
            <Route path="/labs/:id" element={<LabPage />} />
            <Route path="/cheat-sheet" element={<CheatSheetPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </main>
    </div>
  );
}
