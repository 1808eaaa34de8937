#!/usr/bin/env bash
# The GitHub Action's step (action.yml): runs `postmortem lint` with the action's inputs, prints annotations (format
# github) or writes a SARIF file (format sarif), and records the exit code as a step output, so the SARIF upload runs
# before the job fails. Inputs arrive as INPUT_* variables. POSTMORTEM_CLI replaces the command (the tests run the
# local build with it); otherwise npx runs the published package.
set -uo pipefail

format="${INPUT_FORMAT:-github}"
sarif="${INPUT_SARIF_FILE:-postmortem.sarif}"
output="${GITHUB_OUTPUT:-/dev/null}"

if [[ -n "${POSTMORTEM_CLI:-}" ]]; then
  read -r -a cmd <<< "$POSTMORTEM_CLI"
else
  cmd=(npx --yes --package "postmortem-writer@${INPUT_VERSION:-latest}" -- postmortem)
fi
# Split on spaces without glob expansion: the linter expands globs itself (and knows !negations).
read -r -a files <<< "${INPUT_FILES:-.}"
read -r -a extra <<< "${INPUT_ARGS:-}"
((${#files[@]})) || files=(.)

case "$format" in
  github)
    "${cmd[@]}" lint --format github ${extra[@]+"${extra[@]}"} -- "${files[@]}"
    code=$?
    ;;
  sarif)
    "${cmd[@]}" lint --format sarif --output "$sarif" ${extra[@]+"${extra[@]}"} -- "${files[@]}"
    code=$?
    [[ -f "$sarif" ]] && echo "sarif-file=$sarif" >> "$output"
    ;;
  *)
    echo "::error title=postmortem action::Unknown format \"$format\": use github or sarif."
    code=2
    ;;
esac
echo "exit-code=$code" >> "$output"
exit 0
