// The shell: a header with navigation and the routes. Heavy pages are lazy so the catalogue loads fast.
import { lazy, Suspense } from "react";
import { Link, NavLink, Route, Routes } from "react-router";
import { CataloguePage } from "./pages/catalogue-page.js";
import { NotFoundPage } from "./pages/not-found-page.js";
import { SearchBox } from "./components/search-box.js";

const LabPage = lazy(() => import("./pages/lab-page.js"));
const CheatSheetPage = lazy(() => import("./pages/cheat-sheet-page.js"));
const PatternsPage = lazy(() => import("./pages/patterns-page.js"));
const PatternPage = lazy(() => import("./pages/pattern-page.js"));
const PracticePage = lazy(() => import("./pages/practice-page.js"));
const PracticeFlashcardsPage = lazy(() => import("./pages/practice-flashcards-page.js"));
const PracticeExamPage = lazy(() => import("./pages/practice-exam-page.js"));
const PracticeInterviewPage = lazy(() => import("./pages/practice-interview-page.js"));
const PracticeQuestionPage = lazy(() => import("./pages/practice-question-page.js"));
const SearchPage = lazy(() => import("./pages/search-page.js"));
const TeamPage = lazy(() => import("./pages/team-page.js"));
const TeamJoinPage = lazy(() => import("./pages/team-join-page.js"));

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
          <NavLink to="/patterns">Patterns</NavLink>
          <NavLink to="/practice">Practice</NavLink>
          <NavLink to="/team" end>
            Team
          </NavLink>
        </nav>
        <SearchBox />
      </header>
      <main id="main" className="app-main">
        <Suspense fallback={<p className="loading" role="status">Loading…</p>}>
          <Routes>
            <Route path="/" element={<CataloguePage />} />
            <Route path="/labs/:id" element={<LabPage />} />
            <Route path="/cheat-sheet" element={<CheatSheetPage />} />
            <Route path="/patterns" element={<PatternsPage />} />
            <Route path="/patterns/:id" element={<PatternPage />} />
            <Route path="/practice" element={<PracticePage />} />
            <Route path="/practice/flashcards" element={<PracticeFlashcardsPage />} />
            <Route path="/practice/exam" element={<PracticeExamPage />} />
            <Route path="/practice/interview" element={<PracticeInterviewPage />} />
            <Route path="/practice/questions/:id" element={<PracticeQuestionPage />} />
            <Route path="/search" element={<SearchPage />} />
            <Route path="/team" element={<TeamPage />} />
            <Route path="/team/join" element={<TeamJoinPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </main>
    </div>
  );
}
