/** The banner at the top of the home page (open consultation or archive): kicker, h1, introduction. */
export function Hero({ kicker, title, intro }: { kicker: string; title: string; intro: string }) {
  return (
    <section aria-labelledby="headline" className="rounded-lg bg-gradient-to-br from-brand-dark to-brand px-6 py-10 text-white">
      <p className="text-sm font-semibold uppercase tracking-wider opacity-90">{kicker}</p>
      <h1 id="headline" className="mt-3 max-w-3xl text-3xl font-extrabold leading-tight sm:text-4xl">
        {title}
      </h1>
      <p className="mt-4 max-w-2xl text-lg opacity-95">{intro}</p>
    </section>
  );
}
