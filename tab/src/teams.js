// Teams (and Outlook, and the Microsoft 365 app) host integration: initialise teams-js when framed by a host,
// follow its theme, and get the SSO token for our API. Outside a host, the page uses the local demo sign-in
// (Development only, refused by the server anywhere else). teams-js is loaded only inside a host: on load it tries to
// fetch its list of host origins from a CDN, which the page's Content Security Policy refuses, so it uses the list
// bundled with it; outside a host it is not loaded at all.
let inHost = false;
let teams = null;

export async function initialiseHost() {
  if (window.self === window.top) return { inHost: false, theme: null };
  try {
    teams = await import('@microsoft/teams-js');
    const { app } = teams;
    await withTimeout(app.initialize(), 5000);
    inHost = true;
    const context = await app.getContext();
    app.notifySuccess();
    return { inHost: true, theme: context.app?.theme ?? 'default', onThemeChange: (f) => app.registerOnThemeChangeHandler(f) };
  } catch {
    return { inHost: false, theme: null };
  }
}

export const isInHost = () => inHost;

export async function hostToken() {
  // teams-js caches the token and refreshes it when it nears expiry.
  return teams.authentication.getAuthToken();
}

function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}
