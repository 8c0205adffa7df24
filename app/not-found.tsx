import Link from 'next/link';
import './globals.css';

// Requests outside any locale that are not redirected by the proxy (e.g. /unknown.ext): 404 in French.
export default function GlobalNotFound() {
  return (
    <html lang="fr" dir="ltr">
      <body>
        <main className="mx-auto max-w-2xl p-8">
          <h1 className="text-3xl font-bold">Page introuvable</h1>
          <p className="mt-4">La page que vous cherchez n’existe pas ou a été déplacée.</p>
          <p className="mt-4">
            <Link className="text-brand underline" href="/fr">
              Retour à l’accueil
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
