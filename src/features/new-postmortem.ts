// "New Post-mortem": asks for a title, a date and a severity (one multi-step quick input with Back), renders the
// template (built-in from the catalogue, `.postmortem/template.md` or `postmortem.template`) and creates the file in
// `<workspace folder>/<postmortem.folder>/<postmortem.fileName>` without ever overwriting, or in the folder picked in
// the explorer ("New Post-mortem Here"). Nothing is read or written through a link that leaves the workspace folder,
// the file is created only if absent (in one step), and a repository's template is not used in Restricted Mode.
import * as vscode from 'vscode';
import {
  builtInTemplate,
  candidateNames,
  cleanTitle,
  cursorLineFor,
  DEFAULT_FILE_NAME,
  DEFAULT_FOLDER,
  fileNameFor,
  incidentDateProblem,
  isIsoDate,
  localDate,
  renderTemplate,
  safeRelativePath,
  templateVars,
  type IncidentSeverity,
} from '../core';
import type { AnalysisService } from '../services/analysis';
import type { Services } from '../services';
import { createExclusive, describeFsError, exists, leavesFolder, removeEntry, unreadable } from '../services/files';
import { RESTRICTED_TEMPLATE_NOTE, MANAGE_TRUST, MANAGE_TRUST_COMMAND } from '../services/trust';
import { SECTION, textSetting } from '../services/settings';

export const NEW_COMMAND = 'postmortem.new';
export const NEW_HERE_COMMAND = 'postmortem.newHere';
/** Context key set once a post-mortem was created: the walkthrough's first step completes on it. */
export const CREATED_CONTEXT = 'postmortem.created';
/** The workspace template, used when `postmortem.template` is not set. */
export const WORKSPACE_TEMPLATE = ['.postmortem', 'template.md'] as const;
const USE_BUILT_IN = 'Use Built-in Template';
const MAX_ATTEMPTS = 1000;

/** For programmatic use and tests: with a `title`, no question is asked. */
export interface NewPostmortemOptions {
  readonly title?: string;
  /** YYYY-MM-DD; today when omitted. */
  readonly date?: string;
  /** One of `postmortem.severities`; the first when omitted. */
  readonly severity?: string;
  /** The folder to create the file in (a Uri or a URI string), instead of `<workspace folder>/<postmortem.folder>`. */
  readonly folder?: vscode.Uri | string;
  /** Open the new file in an editor (default true). */
  readonly open?: boolean;
  /**
   * When a post-mortem with this file name exists: `ask` (Open it / Create another; the default when the title is
   * asked), `create` another with `-2`, `-3`… (the default for programmatic use), or `open` the existing one.
   */
  readonly ifExists?: 'ask' | 'create' | 'open';
}

interface Answers {
  title: string;
  date: string;
  severity: string;
}

export function register(_context: vscode.ExtensionContext, { analysis }: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(NEW_COMMAND, (arg?: NewPostmortemOptions | vscode.Uri) =>
      newPostmortem(analysis, arg instanceof vscode.Uri ? { folder: arg } : (arg ?? {})),
    ),
    vscode.commands.registerCommand(NEW_HERE_COMMAND, (folder?: vscode.Uri) => newPostmortem(analysis, folder instanceof vscode.Uri ? { folder } : {})),
  ];
}

/** Creates a post-mortem and returns its URI (an untitled document's when no folder is open), or undefined if cancelled. */
export async function newPostmortem(analyses: AnalysisService, options: NewPostmortemOptions = {}): Promise<vscode.Uri | undefined> {
  const explicitFolder = typeof options.folder === 'string' ? vscode.Uri.parse(options.folder) : options.folder;
  let workspaceFolder: vscode.WorkspaceFolder | undefined;
  if (explicitFolder) workspaceFolder = vscode.workspace.getWorkspaceFolder(explicitFolder);
  else {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 1) workspaceFolder = folders[0];
    else if (folders.length > 1) {
      workspaceFolder = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder should the post-mortem go in?' });
      if (!workspaceFolder) return undefined;
    }
  }
  const scope = explicitFolder ?? workspaceFolder?.uri;
  const settings = vscode.workspace.getConfiguration(SECTION, scope);
  // The severities the checks use: settings, then the team's .postmortem.json, then the defaults.
  const { severities } = analyses.configFor(scope);

  const answers = options.title !== undefined ? fromOptions(options, severities) : await ask(severities);
  if (!answers) return undefined;

  let target = explicitFolder;
  if (!target && workspaceFolder) {
    const folderSetting = textSetting(settings, 'folder', DEFAULT_FOLDER);
    const segments = safeRelativePath(folderSetting);
    if (!segments) {
      void vscode.window.showErrorMessage(`Post-mortem: the setting postmortem.folder ("${folderSetting}") must be a path inside the workspace folder.`);
      return undefined;
    }
    target = vscode.Uri.joinPath(workspaceFolder.uri, ...segments);
  }

  const author = textSetting(settings, 'author').trim();
  const template = await loadTemplate(workspaceFolder, settings, author !== '', options.title === undefined);
  if (template === undefined) return undefined;
  const vars = templateVars({ ...answers, author, now: new Date() });
  const { text, unknownVariables } = renderTemplate(template, vars);
  if (unknownVariables.length > 0) {
    const list = unknownVariables.map((v) => `{{${v}}}`).join(', ');
    void vscode.window.showWarningMessage(
      `Post-mortem: the template uses unknown variable${unknownVariables.length === 1 ? '' : 's'} ${list}, left as written. Known: {{title}}, {{date}}, {{severity}}, {{author}}, {{now}}, {{slug}}.`,
    );
  }

  let document: vscode.TextDocument | undefined;
  let uri: vscode.Uri;
  if (!target) {
    // No folder open: an untitled Markdown document the user saves wherever they like.
    document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    uri = document.uri;
  } else {
    const name = fileNameFor(textSetting(settings, 'fileName', DEFAULT_FILE_NAME), { date: vars.date, slug: vars.slug, severity: vars.severity });
    const existing = vscode.Uri.joinPath(target, name);
    const ifExists = options.ifExists ?? (options.title !== undefined ? 'create' : 'ask');
    const choice = ifExists === 'create' || !(await exists(existing)) ? 'create' : ifExists === 'open' ? 'open' : await askExisting(existing);
    if (choice === undefined) return undefined;
    if (choice === 'open') {
      if (options.open !== false) await vscode.window.showTextDocument(existing, { preview: false });
      return existing;
    }
    const shown = vscode.workspace.asRelativePath(target, false);
    try {
      // A folder that is (or goes through) a link to somewhere outside the workspace folder is refused, before
      // anything is created in it.
      const outside = workspaceFolder ? await leavesFolder(workspaceFolder.uri, target) : undefined;
      if (outside) {
        void vscode.window.showErrorMessage(`Post-mortem: the folder ${shown} cannot be used: ${outside}. Nothing was created.`);
        return undefined;
      }
      await vscode.workspace.fs.createDirectory(target);
      uri = await createNew(target, name, new TextEncoder().encode(text), workspaceFolder);
    } catch (error) {
      void vscode.window.showErrorMessage(`Post-mortem: could not create ${name} in ${shown}: ${error instanceof PathError ? error.message : describeFsError(error)}.`);
      return undefined;
    }
  }
  if (options.open !== false) {
    document ??= await vscode.workspace.openTextDocument(uri);
    const line = cursorLineFor(text);
    const lineText = document.lineAt(Math.min(line, document.lineCount - 1));
    const selection = /^\s*<!--.*-->\s*$/.test(lineText.text)
      ? new vscode.Selection(lineText.range.end, lineText.range.start) // the guidance comment: typing replaces it
      : new vscode.Selection(lineText.range.end, lineText.range.end);
    await vscode.window.showTextDocument(document, { selection, preview: false });
  }
  // Ticks the walkthrough's "Start a post-mortem" once a file exists (not when the command merely starts: that
  // re-rendered the walkthrough while the title box was open and took its focus, and ticked it on Escape too).
  void vscode.commands.executeCommand('setContext', CREATED_CONTEXT, true);
  return uri;
}

/** "just now", "3 min ago", "5 h ago", "2 days ago": how long ago `then` (ms since the epoch) was. */
export function timeAgo(then: number, now = Date.now()): string {
  const minutes = Math.floor((now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/**
 * Two responders starting the same post-mortem mid-incident: offer the existing file before making a second one.
 * Resolves with 'open', 'create', or undefined (Escape: nothing is created).
 */
async function askExisting(existing: vscode.Uri): Promise<'open' | 'create' | undefined> {
  const created = await vscode.workspace.fs.stat(existing).then((s) => s.ctime || s.mtime, () => undefined);
  type Item = vscode.QuickPickItem & { choice: 'open' | 'create' };
  const items: Item[] = [
    { label: '$(go-to-file) Open it', description: vscode.workspace.asRelativePath(existing), choice: 'open' },
    { label: '$(new-file) Create another', description: 'a second file with -2 in its name', choice: 'create' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `A post-mortem with this title already exists${created ? ` (created ${timeAgo(created)})` : ''}`,
    placeHolder: 'Open it, or create another one?',
    ignoreFocusOut: true,
  });
  return picked?.choice;
}

class PathError extends Error {}

/**
 * Creates `bytes` under the first free name in `folder` (`name`, `name-2`, …), each attempt one exclusive creation:
 * never over an existing file, and two concurrent calls get two files. A file that turns out to be outside the
 * workspace folder (a link swapped in meanwhile) is removed again.
 */
async function createNew(folder: vscode.Uri, name: string, bytes: Uint8Array, workspaceFolder: vscode.WorkspaceFolder | undefined): Promise<vscode.Uri> {
  let attempts = 0;
  for (const candidate of candidateNames(name)) {
    if (++attempts > MAX_ATTEMPTS) break;
    const uri = vscode.Uri.joinPath(folder, candidate);
    if (!(await createExclusive(uri, bytes))) continue;
    const outside = workspaceFolder ? await leavesFolder(workspaceFolder.uri, uri) : undefined;
    if (outside) {
      await removeEntry(uri);
      throw new PathError(outside);
    }
    return uri;
  }
  throw new PathError(`no free file name after ${MAX_ATTEMPTS} attempts`);
}

/**
 * The template text: `postmortem.template` if set, else `.postmortem/template.md` if the folder has one, else the
 * built-in one. A template that cannot be read offers the built-in one; undefined means the user gave up.
 */
async function loadTemplate(folder: vscode.WorkspaceFolder | undefined, settings: vscode.WorkspaceConfiguration, withAuthor: boolean, ask: boolean): Promise<string | undefined> {
  const builtIn = builtInTemplate({ withAuthor });
  const offerBuiltIn = (problem: string) => (ask ? offerBuiltInTemplate(problem, builtIn) : refuse(problem));
  if (!folder) return builtIn;
  const setting = textSetting(settings, 'template').trim();
  let uri: vscode.Uri;
  if (setting) {
    const segments = safeRelativePath(setting);
    if (!segments || segments.length === 0) {
      return offerBuiltIn(`the setting postmortem.template ("${setting}") must be a file path inside the workspace folder`);
    }
    uri = vscode.Uri.joinPath(folder.uri, ...segments);
  } else {
    uri = vscode.Uri.joinPath(folder.uri, ...WORKSPACE_TEMPLATE);
    if (!(await exists(uri).catch(() => true))) return builtIn;
  }
  const shown = vscode.workspace.asRelativePath(uri, false);
  if (!vscode.workspace.isTrusted) {
    // Restricted Mode: a repository's template is its content, not ours to copy into a new file before the person
    // trusts the folder. Say so, and go on with the built-in one.
    void vscode.window.showInformationMessage(`Post-mortem: ${RESTRICTED_TEMPLATE_NOTE} (${shown}); the built-in template is used.`, MANAGE_TRUST).then((choice) => {
      if (choice === MANAGE_TRUST) void vscode.commands.executeCommand(MANAGE_TRUST_COMMAND);
    });
    return builtIn;
  }
  try {
    const outside = await leavesFolder(folder.uri, uri);
    if (outside) return offerBuiltIn(`the template ${shown} is not read: ${outside}`);
    const why = unreadable(await vscode.workspace.fs.stat(uri));
    if (why) return offerBuiltIn(`the template ${shown} ${why}, so it is not read`);
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    return offerBuiltIn(`the template ${shown} could not be read (${describeFsError(error)})`);
  }
}

async function offerBuiltInTemplate(problem: string, builtIn: string): Promise<string | undefined> {
  const choice = await vscode.window.showErrorMessage(`Post-mortem: ${problem}.`, USE_BUILT_IN);
  return choice === USE_BUILT_IN ? builtIn : undefined;
}

/** Programmatic calls (with a title) ask nothing: the problem is shown and nothing is created. */
function refuse(problem: string): undefined {
  void vscode.window.showErrorMessage(`Post-mortem: ${problem}. Nothing was created.`);
  return undefined;
}

function fromOptions(options: NewPostmortemOptions, severities: readonly IncidentSeverity[]): Answers {
  const title = cleanTitle(options.title ?? '');
  if (!title) throw new Error('New Post-mortem: a title is required.');
  const date = options.date ?? localDate(new Date());
  if (!isIsoDate(date)) throw new Error(`New Post-mortem: "${date}" is not a date in the form YYYY-MM-DD.`);
  return { title, date, severity: options.severity ?? severities[0]?.id ?? 'SEV1' };
}

// ---------------------------------------------------------------------------------------------------------------
// The multi-step quick input: 1/3 title, 2/3 date, 3/3 severity, with Back; Escape cancels at any step.
// ---------------------------------------------------------------------------------------------------------------

type StepResult = { readonly value: string } | 'back' | undefined;
const TITLE = 'New Post-mortem';
const TOTAL_STEPS = 3;

/**
 * Started from the command palette while a walkthrough step has the focus, the Enter that runs the command closes the
 * palette, which gives the focus back to the step; VS Code's walkthrough page then handles that Enter's keyup on the
 * step and focuses it again 250 ms later, so a title box shown at once lost the focus and took no keys. When the
 * active editor is one the API cannot describe (the Welcome page and its walkthroughs), the first question waits until
 * that has happened.
 */
const AFTER_WALKTHROUGH_KEYUP_MS = 450;

function startedFromWelcomePage(): boolean {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  return !vscode.window.activeTextEditor && tab !== undefined && tab.input === undefined;
}

async function ask(severities: readonly IncidentSeverity[]): Promise<Answers | undefined> {
  if (startedFromWelcomePage()) await new Promise((resolve) => setTimeout(resolve, AFTER_WALKTHROUGH_KEYUP_MS));
  const answers: Answers = { title: '', date: localDate(new Date()), severity: severities[0]?.id ?? 'SEV1' };
  let step = 1;
  while (step <= TOTAL_STEPS) {
    let result: StepResult;
    if (step === 1) {
      result = await inputStep({
        step,
        value: answers.title,
        prompt: 'The incident in a few words, e.g. "Checkout latency spike after a pool change".',
        placeholder: 'Title',
        validate: (v) => (cleanTitle(v) ? undefined : 'A title is required.'),
      });
    } else if (step === 2) {
      result = await inputStep({
        step,
        value: answers.date,
        prompt: 'The day of the incident (YYYY-MM-DD).',
        placeholder: 'YYYY-MM-DD',
        validate: (v) => incidentDateProblem(v.trim(), localDate(new Date())),
      });
    } else {
      result = await pickStep(step, severities, answers.severity);
    }
    if (result === undefined) return undefined;
    if (result === 'back') {
      step = Math.max(1, step - 1);
      continue;
    }
    if (step === 1) answers.title = cleanTitle(result.value);
    else if (step === 2) answers.date = result.value.trim();
    else answers.severity = result.value;
    step++;
  }
  return answers;
}

interface InputStepOptions {
  readonly step: number;
  readonly value: string;
  readonly prompt: string;
  readonly placeholder: string;
  validate(value: string): string | undefined;
}

/** Shows one quick input step and settles once: with its value, 'back' (the Back button), or undefined (Escape). */
function runStep(input: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>, listen: (finish: (result: StepResult) => void) => vscode.Disposable[]): Promise<StepResult> {
  return new Promise((resolve) => {
    const subscriptions: vscode.Disposable[] = [];
    let done = false;
    const finish = (result: StepResult): void => {
      if (done) return;
      done = true;
      for (const s of subscriptions) s.dispose();
      input.dispose();
      resolve(result);
    };
    subscriptions.push(
      input.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) finish('back');
      }),
      input.onDidHide(() => finish(undefined)),
      ...listen(finish),
    );
    input.show();
  });
}

function inputStep(options: InputStepOptions): Promise<StepResult> {
  const box = vscode.window.createInputBox();
  box.title = TITLE;
  box.step = options.step;
  box.totalSteps = TOTAL_STEPS;
  box.value = options.value;
  box.prompt = options.prompt;
  box.placeholder = options.placeholder;
  box.ignoreFocusOut = true;
  box.buttons = options.step > 1 ? [vscode.QuickInputButtons.Back] : [];
  return runStep(box, (finish) => [
    box.onDidChangeValue((value) => {
      // Only once a problem was shown: no red box while the person is still typing the first time.
      if (box.validationMessage) box.validationMessage = options.validate(value);
    }),
    box.onDidAccept(() => {
      const problem = options.validate(box.value);
      if (problem) box.validationMessage = problem;
      else finish({ value: box.value });
    }),
  ]);
}

function pickStep(step: number, severities: readonly IncidentSeverity[], current: string): Promise<StepResult> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem>();
  pick.title = TITLE;
  pick.step = step;
  pick.totalSteps = TOTAL_STEPS;
  pick.placeholder = 'Severity';
  pick.matchOnDescription = true;
  pick.ignoreFocusOut = true;
  pick.buttons = [vscode.QuickInputButtons.Back];
  pick.items = severities.map((s) => (s.description ? { label: s.id, description: s.description } : { label: s.id }));
  const active = pick.items.find((i) => i.label === current);
  if (active) pick.activeItems = [active];
  return runStep(pick, (finish) => [
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (chosen) finish({ value: chosen.label });
    }),
  ]);
}
