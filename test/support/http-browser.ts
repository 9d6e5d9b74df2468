import { csrfFrom, encodeForm } from './web-forms';

/** A browser over real HTTP (fetch) against a server process: keeps its cookies, follows no redirect. */
export class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size)
      headers.set('Cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const res = await fetch(`${this.base}${url}`, { ...init, headers, redirect: 'manual' });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!, value.join('='));
    }
    return res;
  }

  /** Signs in on /sign-in as a person would (the form's CSRF token first); the answer (303 when it worked). */
  async signIn(operator: { email: string; password: string }): Promise<Response> {
    const token = csrfFrom(await (await this.fetch('/')).text());
    return this.fetch('/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: encodeForm({ _csrf: token, email: operator.email, password: operator.password, next: '/batches' }),
    });
  }
}
