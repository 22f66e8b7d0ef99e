/**
 * @module scripts/wordpress-test-site
 * A real WordPress on loopback for the publishing tests: Debian's `wordpress` package (6.1),
 * a private MariaDB server on a Unix socket in a temporary folder (no TCP port, no system
 * service), and PHP's built-in web server on a free loopback port. The site is installed from
 * scratch (pretty permalinks, so `/wp-json/` works), with an administrator and an application
 * password; `WP_ENVIRONMENT_TYPE=local` is what lets WordPress offer application passwords
 * without HTTPS. Everything is bounded in time and removed on `stop()`.
 *
 * When a package is missing or a piece does not start, `startWordPressTestSite` throws an error
 * that says which and how to install it: the tests fail, they never pass without WordPress.
 *
 * Usage: `bun run scripts/wordpress-test-site.ts` starts a site, prints its URL and credentials,
 * and runs until Ctrl-C (`--check` starts it, prints the time it took and stops).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { copyFile, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Subprocess } from 'bun'

export const WORDPRESS_ROOT = '/usr/share/wordpress'
export const INSTALL_HINT =
  'apt-get install -y wordpress mariadb-server php-cli php-mysql (Debian packages: WordPress 6.1, MariaDB, PHP)'
/** How long each piece may take to start. */
const START_TIMEOUT_MS = 30_000

export interface WordPressTestSite {
  /** The site's address as WordPress knows it (`http://<host>:<port>`). */
  url: string
  /** The loopback port PHP listens on. */
  port: number
  username: string
  applicationPassword: string
  /** Milliseconds spent starting the site. */
  startMs: number
  stop(): Promise<void>
}

export interface WordPressOptions {
  /** Host name WordPress builds its links with (resolved to 127.0.0.1 by the caller's policy). */
  host?: string
}

const REQUIRED: [string, string][] = [
  [join(WORDPRESS_ROOT, 'wp-settings.php'), 'the wordpress package'],
  ['/usr/sbin/mariadbd', 'the mariadb-server package'],
  ['/usr/bin/mariadb-install-db', 'the mariadb-server package'],
  ['/usr/bin/php', 'the php-cli package'],
]

/** Starts a fresh WordPress; throws, naming what is missing, when it cannot. */
export async function startWordPressTestSite(
  options: WordPressOptions = {}
): Promise<WordPressTestSite> {
  const started = performance.now()
  for (const [path, what] of REQUIRED) {
    if (!existsSync(path))
      throw new Error(
        `WordPress cannot start: ${what} is missing (${path}). Install: ${INSTALL_HINT}`
      )
  }
  if (!hasPhpMysql()) {
    throw new Error(`WordPress cannot start: PHP has no mysqli extension. Install: ${INSTALL_HINT}`)
  }
  const dir = mkdtempSync(join(tmpdir(), 'ais-wordpress-'))
  const children: Subprocess[] = []
  const stop = async () => {
    // A throwaway site: nothing to flush, so no graceful shutdown to wait for.
    for (const child of children.reverse()) {
      if (child.exitCode === null) child.kill('SIGKILL')
      await child.exited
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const socket = join(dir, 'db.sock')
    children.push(await startMariaDb(dir, socket))
    await createDatabase(socket)
    const docroot = await layOutDocroot(dir, socket)
    const { child, port } = await startPhp(docroot)
    children.push(child)
    const url = `http://${options.host ?? '127.0.0.1'}:${port}`
    const credentials = await install(docroot, url, port)
    return {
      url,
      port,
      username: credentials.user,
      applicationPassword: credentials.password,
      startMs: Math.round(performance.now() - started),
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

function hasPhpMysql(): boolean {
  const probe = Bun.spawnSync(['php', '-r', 'echo extension_loaded("mysqli") ? "yes" : "no";'])
  return probe.stdout.toString().trim() === 'yes'
}

async function startMariaDb(dir: string, socket: string): Promise<Subprocess> {
  const datadir = join(dir, 'db')
  const asRoot = process.getuid?.() === 0 ? ['--user=root'] : []
  const init = Bun.spawnSync(
    [
      'mariadb-install-db',
      '--no-defaults',
      `--datadir=${datadir}`,
      ...asRoot,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ],
    { timeout: START_TIMEOUT_MS }
  )
  if (init.exitCode !== 0) {
    throw new Error(`WordPress cannot start: mariadb-install-db failed:\n${init.stderr}`)
  }
  const child = Bun.spawn(
    [
      '/usr/sbin/mariadbd',
      '--no-defaults',
      `--datadir=${datadir}`,
      ...asRoot,
      `--socket=${socket}`,
      `--pid-file=${join(dir, 'db.pid')}`,
      '--skip-networking',
      '--skip-log-bin',
      '--innodb-buffer-pool-size=16M',
    ],
    { stdout: 'ignore', stderr: 'pipe' }
  )
  await waitFor(() => existsSync(socket), child, 'MariaDB')
  return child
}

async function createDatabase(socket: string): Promise<void> {
  const sql = Bun.spawnSync(
    ['mariadb', '--no-defaults', `--socket=${socket}`, '-uroot', '-e', 'CREATE DATABASE wordpress'],
    { timeout: START_TIMEOUT_MS }
  )
  if (sql.exitCode !== 0)
    throw new Error(`WordPress cannot start: the database was not created:\n${sql.stderr}`)
}

/**
 * A document root of its own: WordPress's top-level files copied (so `ABSPATH` is this folder
 * and our `wp-config.php` is the one read, not Debian's host-based one), its code folders
 * linked, and a writable `wp-content` for uploads.
 */
async function layOutDocroot(dir: string, socket: string): Promise<string> {
  const root = join(dir, 'site')
  mkdirSync(join(root, 'wp-content', 'uploads'), { recursive: true })
  mkdirSync(join(root, 'wp-content', 'mu-plugins'), { recursive: true })
  for (const name of readdirSync(WORDPRESS_ROOT)) {
    if (name.endsWith('.php') && name !== 'wp-config.php')
      await copyFile(join(WORDPRESS_ROOT, name), join(root, name))
  }
  await symlink(join(WORDPRESS_ROOT, 'wp-admin'), join(root, 'wp-admin'))
  await symlink(join(WORDPRESS_ROOT, 'wp-includes'), join(root, 'wp-includes'))
  for (const name of ['themes', 'plugins']) {
    await symlink(join(WORDPRESS_ROOT, 'wp-content', name), join(root, 'wp-content', name))
  }
  writeFileSync(join(root, 'wp-config.php'), wpConfig(socket))
  // No mail server here: WordPress's install notice would try sendmail.
  writeFileSync(
    join(root, 'wp-content', 'mu-plugins', 'no-mail.php'),
    "<?php add_filter('pre_wp_mail', '__return_false');\n"
  )
  writeFileSync(join(root, 'router.php'), ROUTER)
  writeFileSync(join(root, 'install.php'), INSTALL)
  return root
}

const php = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`

const wpConfig = (socket: string) => `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', ${php(`localhost:${socket}`)});
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`

// PHP's built-in server: existing files as they are, every other path through index.php (what
// Apache's rewrite rules do for pretty permalinks and /wp-json/).
const ROUTER = `<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path !== '/' && is_file($_SERVER['DOCUMENT_ROOT'] . $path)) return false;
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
require $_SERVER['SCRIPT_FILENAME'];
`

const INSTALL = `<?php
define('WP_INSTALLING', true);
$url = getenv('WP_URL');
$_SERVER['HTTP_HOST'] = parse_url($url, PHP_URL_HOST) . ':' . getenv('WP_PORT');
$_SERVER['REQUEST_URI'] = '/';
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$result = wp_install('AIS Studio test site', 'editor', 'editor@example.test', false, '', wp_generate_password(24));
update_option('siteurl', $url);
update_option('home', $url);
update_option('permalink_structure', '/%postname%/');
$user = $result['user_id'];
list($password) = WP_Application_Passwords::create_new_application_password($user, array('name' => 'ais-studio'));
echo json_encode(array('user' => 'editor', 'password' => $password)), "\\n";
`

async function startPhp(docroot: string): Promise<{ child: Subprocess; port: number }> {
  let lastError = ''
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = freePort()
    const child = Bun.spawn(
      ['php', '-S', `127.0.0.1:${port}`, '-t', docroot, join(docroot, 'router.php')],
      { cwd: docroot, stdout: 'ignore', stderr: 'pipe' }
    )
    try {
      await waitFor(async () => await answers(port), child, 'PHP')
      return { child, port }
    } catch (error) {
      lastError = String(error)
      child.kill('SIGKILL')
    }
  }
  throw new Error(`WordPress cannot start: ${lastError}`)
}

async function answers(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/wp-includes/images/blank.gif`)
    await response.arrayBuffer()
    return response.ok
  } catch {
    return false
  }
}

async function install(docroot: string, url: string, port: number) {
  const run = Bun.spawnSync(['php', join(docroot, 'install.php')], {
    cwd: docroot,
    env: { ...process.env, WP_URL: url, WP_PORT: String(port) },
    timeout: START_TIMEOUT_MS,
  })
  const line = run.stdout.toString().trim().split('\n').at(-1) ?? ''
  try {
    const parsed = JSON.parse(line) as { user: string; password: string }
    if (parsed.password) return parsed
  } catch {
    // Reported below.
  }
  throw new Error(
    `WordPress cannot start: the installation failed:\n${run.stdout.toString()}\n${run.stderr.toString()}`
  )
}

/** A port nothing listens on right now. */
function freePort(): number {
  const probe = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response() })
  const port = probe.port as number
  probe.stop(true)
  return port
}

async function waitFor(
  ready: () => boolean | Promise<boolean>,
  child: Subprocess<'ignore' | 'inherit' | 'pipe', 'ignore' | 'pipe', 'pipe'>,
  what: string
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (await ready()) return
    if (child.exitCode !== null) {
      const errors = child.stderr ? await new Response(child.stderr).text() : ''
      throw new Error(`${what} exited with code ${child.exitCode}:\n${errors.slice(-2000)}`)
    }
    await Bun.sleep(50)
  }
  throw new Error(`${what} did not start within ${START_TIMEOUT_MS / 1000} s`)
}

if (import.meta.main) {
  const site = await startWordPressTestSite()
  console.log(
    JSON.stringify({
      url: site.url,
      username: site.username,
      password: site.applicationPassword,
      startMs: site.startMs,
    })
  )
  if (process.argv.includes('--check')) {
    await site.stop()
  } else {
    const stop = async () => {
      await site.stop()
      process.exit(0)
    }
    process.on('SIGINT', () => void stop())
    process.on('SIGTERM', () => void stop())
  }
}
