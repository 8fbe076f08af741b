// Any URL the site does not know: say so and lead back to the catalogue.
import { Link, useLocation } from "react-router";

export function NotFoundPage() {
  const location = useLocation();
  return (
    <section className="page narrow" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>
        There is no page at <code>{location.pathname}</code>.
      </p>
      <p>
        <Link to="/">Browse all labs in the catalogue</Link>
      </p>
    </section>
  );
}
