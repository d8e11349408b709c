//! A real headless browser for tests that check what a person sees: [`Browser`] starts
//! `chromedriver` on a free port of 127.0.0.1 and, through it (`WebDriver`, with fantoccini),
//! a headless Chromium with a fresh profile and no background networking (the machine may
//! have no internet, and Chromium waits on it otherwise).
//!
//! [`Browser::start`] is `None` when `chromium` (or `chromium-browser`, `google-chrome`) or
//! `chromedriver` is not on `PATH`, as on a machine with only the Rust toolchain; when both
//! are there, a browser that does not start fails the test. [`Page`] reads a page the same way
//! either in the browser or, without one, from the parsed HTML (scraper), so a test asserts
//! the same facts in both modes and says which one it ran in.
//!
//! Every `WebDriver` call is bounded by [`TIMEOUT`], so a hung browser fails the test instead of
//! hanging it; dropping a `Browser` ends the session (Chromium quits) and then chromedriver.

use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// The longest any one browser step may take.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// Chromium's flags: headless, and nothing that reaches for the network on its own.
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--window-size=1280,900",
];

/// A headless Chromium driven through chromedriver.
pub struct Browser {
    runtime: tokio::runtime::Runtime,
    client: Option<Client>,
    driver: Child,
    /// Chromium's fresh profile, removed with the browser.
    profile: tempfile::TempDir,
}

/// The executable `name` in a directory of `PATH`.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// A port of 127.0.0.1 that was free a moment ago.
fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|listener| listener.local_addr())
        .expect("a free port on 127.0.0.1")
        .port()
}

impl Browser {
    /// A fresh browser, or `None` when Chromium or chromedriver is not installed.
    pub fn start() -> Option<Browser> {
        let chromium = ["chromium", "chromium-browser", "google-chrome"]
            .into_iter()
            .find_map(on_path)?;
        let chromedriver = on_path("chromedriver")?;
        let port = free_port();
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|err| panic!("start {}: {err}", chromedriver.display()));
        let profile = tempfile::tempdir().expect("a profile folder");
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        let mut browser = Browser {
            runtime,
            client: None,
            driver,
            profile,
        };
        let deadline = Instant::now() + TIMEOUT;
        while TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not listen on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|f| (*f).to_owned()).collect();
        args.push(format!(
            "--user-data-dir={}",
            browser.profile.path().display()
        ));
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".to_owned(),
            json!({ "binary": chromium, "args": args }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let url = format!("http://127.0.0.1:{port}");
        let client = browser.block_on("start Chromium", async {
            ClientBuilder::new(connector)
                .capabilities(capabilities)
                .connect(&url)
                .await
        });
        browser.client = Some(client);
        Some(browser)
    }

    /// Runs one step, failing the test on an error or after [`TIMEOUT`].
    fn block_on<T, E: std::fmt::Debug>(
        &self,
        what: &str,
        step: impl Future<Output = Result<T, E>>,
    ) -> T {
        match self
            .runtime
            .block_on(async { tokio::time::timeout(TIMEOUT, step).await })
        {
            Ok(Ok(value)) => value,
            Ok(Err(err)) => panic!("browser: {what}: {err:?}"),
            Err(elapsed) => panic!("browser: {what}: no answer in {TIMEOUT:?} ({elapsed})"),
        }
    }

    fn client(&self) -> &Client {
        self.client.as_ref().expect("the session is open")
    }

    /// Opens `url` (`file://…` or `http://127.0.0.1:…`) and waits for it to load.
    pub fn goto(&self, url: &str) {
        self.block_on(&format!("open {url}"), self.client().goto(url));
    }

    /// Opens a file of the disk.
    pub fn open_file(&self, path: &Path) {
        let path = path.canonicalize().expect("the page exists");
        self.goto(&format!("file://{}", path.display()));
    }

    /// The rendered text of every element `css` selects, trimmed.
    pub fn texts(&self, css: &str) -> Vec<String> {
        let client = self.client();
        self.block_on(&format!("read {css}"), async {
            let mut texts = Vec::new();
            for element in client.find_all(Locator::Css(css)).await? {
                texts.push(element.text().await?.trim().to_owned());
            }
            Ok::<_, fantoccini::error::CmdError>(texts)
        })
    }

    /// The result of a script run in the page (`return …;`), with `args` as `arguments`.
    pub fn script(&self, script: &str, args: Vec<Value>) -> Value {
        self.block_on("run a script", self.client().execute(script, args))
    }

    /// Presses each key of `keys` in turn on whatever has the focus, as a person's keyboard
    /// does (real key events, so the page's handlers and the browser's own editing both run;
    /// `WebDriver`'s special keys are characters such as `\u{e003}` for Backspace).
    pub fn press(&self, keys: &str) {
        use fantoccini::actions::{InputSource as _, KeyAction, KeyActions};
        let mut actions = KeyActions::new("keyboard".to_owned());
        for key in keys.chars() {
            actions = actions
                .then(KeyAction::Down { value: key })
                .then(KeyAction::Up { value: key });
        }
        self.block_on("press keys", self.client().perform_actions(actions));
    }

    /// Presses `key` while holding `modifier` (`\u{e009}` Control, `\u{e00a}` Alt).
    pub fn chord(&self, modifier: char, key: char) {
        use fantoccini::actions::{InputSource as _, KeyAction, KeyActions};
        let actions = KeyActions::new("keyboard".to_owned())
            .then(KeyAction::Down { value: modifier })
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key })
            .then(KeyAction::Up { value: modifier });
        self.block_on("press a chord", self.client().perform_actions(actions));
    }

    /// The laid-out width of every element `css` selects, as a percentage of its parent's
    /// inner width.
    pub fn percent_widths(&self, css: &str) -> Vec<f64> {
        let value = self.script(
            "return Array.from(document.querySelectorAll(arguments[0]), \
             e => 100 * e.getBoundingClientRect().width / e.parentElement.clientWidth);",
            vec![json!(css)],
        );
        value
            .as_array()
            .expect("an array of widths")
            .iter()
            .map(|width| width.as_f64().expect("a width"))
            .collect()
    }

    /// Makes the window as tall as the page (at `width`) and saves a PNG of it at `path`.
    pub fn screenshot_page(&self, width: u32, path: &Path) {
        let height = self
            .script("return document.documentElement.scrollHeight;", vec![])
            .as_u64()
            .expect("the page's height");
        let height = u32::try_from(height).unwrap_or(u32::MAX).clamp(300, 8000);
        let client = self.client();
        self.block_on("resize", client.set_window_size(width, height + 140));
        let png = self.block_on("take a screenshot", client.screenshot());
        assert!(png.starts_with(b"\x89PNG"), "the screenshot is a PNG");
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("screenshot folder");
        std::fs::write(path, png).expect("screenshot written");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(client) = self.client.take() {
            let _ = self.runtime.block_on(async {
                tokio::time::timeout(Duration::from_secs(10), client.close()).await
            });
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A page read in the browser as rendered, or from its HTML when there is no browser.
pub enum Page {
    Browser(Browser),
    Parsed(scraper::Html),
}

impl Page {
    /// The HTML file at `path`, in the browser when there is one.
    pub fn open(path: &Path) -> Page {
        if let Some(browser) = Browser::start() {
            browser.open_file(path);
            Page::Browser(browser)
        } else {
            let html = std::fs::read_to_string(path).expect("the page exists");
            Page::Parsed(scraper::Html::parse_document(&html))
        }
    }

    /// Which mode the assertions run in, for the test's output.
    pub fn mode(&self) -> &'static str {
        match self {
            Page::Browser(_) => "in headless Chromium through chromedriver",
            Page::Parsed(_) => "on the parsed HTML (Chromium or chromedriver not installed)",
        }
    }

    /// The text of every element `css` selects, trimmed (in the browser: as rendered).
    pub fn texts(&self, css: &str) -> Vec<String> {
        match self {
            Page::Browser(browser) => browser.texts(css),
            Page::Parsed(html) => select(html, css)
                .map(|element| {
                    element
                        .text()
                        .collect::<String>()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect(),
        }
    }

    /// The width of every element `css` selects as a percentage of its parent: laid out in
    /// the browser, or as its `style` attribute gives it in the HTML (0 when it has none).
    pub fn percent_widths(&self, css: &str) -> Vec<f64> {
        match self {
            Page::Browser(browser) => browser.percent_widths(css),
            Page::Parsed(html) => select(html, css)
                .map(|element| {
                    let style = element.value().attr("style").unwrap_or("");
                    style
                        .split(';')
                        .filter_map(|decl| decl.split_once(':'))
                        .find(|(name, _)| name.trim() == "width")
                        .and_then(|(_, value)| value.trim().strip_suffix('%')?.parse().ok())
                        .unwrap_or(0.0)
                })
                .collect(),
        }
    }
}

fn select<'a>(html: &'a scraper::Html, css: &str) -> impl Iterator<Item = scraper::ElementRef<'a>> {
    let selector = scraper::Selector::parse(css).expect("a valid selector");
    html.select(&selector).collect::<Vec<_>>().into_iter()
}
