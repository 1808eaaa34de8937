// Pressing the extension's real default keybindings in the workbench, as package.json contributes them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './vscode-web.mjs';

/**
 * The default keybinding of `command` as package.json contributes it, as Playwright key presses, e.g.
 * "ctrl+k ctrl+alt+n" → ["Control+KeyK", "Control+Alt+KeyN"] (the `mac` variant on macOS).
 * @returns {{chord: string, presses: string[]}}
 */
export function defaultKeys(command) {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const binding = (pkg.contributes?.keybindings ?? []).find((b) => b.command === command);
  if (!binding) throw new Error(`package.json contributes no keybinding for ${command}`);
  const chord = process.platform === 'darwin' && binding.mac ? binding.mac : binding.key;
  const MODIFIERS = { ctrl: 'Control', shift: 'Shift', alt: 'Alt', cmd: 'Meta', meta: 'Meta', win: 'Meta' };
  const keyName = (k) => (/^[a-z]$/.test(k) ? `Key${k.toUpperCase()}` : /^[0-9]$/.test(k) ? `Digit${k}` : k.length === 1 ? k : k[0].toUpperCase() + k.slice(1));
  return {
    chord,
    presses: chord.split(' ').map((part) => part.split('+').map((k) => MODIFIERS[k] ?? keyName(k)).join('+')),
  };
}

/** Presses a chord's parts in turn, waiting for VS Code to confirm the first key before it takes the next. */
export async function pressKeys(page, presses) {
  for (const [i, keys] of presses.entries()) {
    await page.keyboard.press(keys);
    if (i < presses.length - 1) {
      await page.locator('.part.statusbar', { hasText: 'Waiting for second key of chord' }).first().waitFor({ timeout: 15_000 });
    }
  }
}
