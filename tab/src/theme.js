// Fluent UI theme tokens that follow the host: Teams' "default", "dark" and "contrast" themes; outside Teams the
// system preference (or ?theme=light|dark|contrast, used by the screenshot tests).
import { setTheme } from '@fluentui/web-components';
import { teamsLightTheme, teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/tokens';

export function applyTheme(name) {
  const theme = name === 'dark' ? teamsDarkTheme : name === 'contrast' ? teamsHighContrastTheme : teamsLightTheme;
  setTheme(theme);
  document.documentElement.dataset.theme = name === 'dark' || name === 'contrast' ? name : 'default';
  document.documentElement.style.colorScheme = name === 'default' ? 'light' : 'dark';
}

export function systemTheme() {
  const asked = new URLSearchParams(location.search).get('theme');
  if (asked === 'dark' || asked === 'contrast' || asked === 'light') return asked === 'light' ? 'default' : asked;
  if (matchMedia('(forced-colors: active)').matches) return 'contrast';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}
