# Makes an executed notebook stable to commit: drops what changes between runs or machines —
# dotnet-repl's per-cell wall-clock timestamps, the package-restore progress messages and the
# machine-specific "Loading extensions from <nuget cache path>" line.
def noise:
  (.data["text/html"] // [] | (if type == "array" then join("") else . end) | test("Installing Packages"))
  or (.data["text/plain"] // [] | (if type == "array" then join("") else . end) | startswith("Loading extensions from"));
.cells |= map(
  .metadata |= with_entries(select(.key | startswith("dotnet_repl_") | not))
  | if .cell_type == "code" then .outputs |= map(select(noise | not)) else . end)
