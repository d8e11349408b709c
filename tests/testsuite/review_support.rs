//! A `kurso review` server for tests: the real binary on 127.0.0.1 and a free port, its URL
//! read from the line it prints, stopped when dropped; and a small project whose English has
//! inline codes (inline code, a link), with Lithuanian machine drafts to review.

use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};

use serde_json::{Value, json};

use crate::support::TestProject;

/// The module's file in the locale folder.
pub const FILE: &str = "nursing/01-dosing.ftl";

/// A project targeting lt and el, one module with codes, lt drafted by the pseudo provider.
pub fn project() -> TestProject {
    let project = TestProject::new()
        .file(
            "kurso.toml",
            "source-locale = \"en\"\ntarget-locales = [\"lt\", \"el\"]\n",
        )
        .file(
            "courses/nursing/01-dosing.md",
            "# Dosing\n\nGive `dose_mg` to the patient, see [the leaflet](https://example.org/leaflet).\n\nCheck the name twice.\n",
        );
    project.run_ok(&["extract"]);
    project.run_ok(&["translate", "--to", "lt"]);
    project
}

/// A running `kurso review`.
pub struct Server {
    child: Child,
    pub url: String,
    pub client: reqwest::Client,
}

impl Server {
    pub fn start(project: &TestProject, args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kurso"));
        command
            .arg("review")
            .args(args)
            .current_dir(project.root())
            .env_remove("KURSO_REVIEW_TOKENS")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("start kurso review");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("kurso review prints its address");
        let url = line
            .trim()
            .strip_prefix("kurso review: ")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .to_owned();
        Server {
            child,
            url,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("a client"),
        }
    }

    pub async fn get(&self, path: &str) -> (u16, String) {
        let response = self
            .client
            .get(format!("{}{path}", self.url))
            .send()
            .await
            .expect("GET");
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    pub async fn json(&self, path: &str) -> (u16, Value) {
        let (status, body) = self.get(path).await;
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    }

    /// The CSRF token of the locale's page.
    pub async fn csrf(&self, locale: &str) -> String {
        let (status, page) = self.get(&format!("locale/{locale}")).await;
        assert_eq!(status, 200, "{page}");
        csrf_of(&page)
    }

    /// A POST as the page makes it (CSRF header, same Origin).
    pub async fn post(&self, path: &str, csrf: &str, body: &Value) -> (u16, Value) {
        self.post_raw(path, Some(csrf), Some(&self.origin()), &body.to_string())
            .await
    }

    pub fn origin(&self) -> String {
        self.url.trim_end_matches('/').to_owned()
    }

    pub async fn post_raw(
        &self,
        path: &str,
        csrf: Option<&str>,
        origin: Option<&str>,
        body: &str,
    ) -> (u16, Value) {
        let mut request = self
            .client
            .post(format!("{}{path}", self.url))
            .header("content-type", "application/json")
            .body(body.to_owned());
        if let Some(csrf) = csrf {
            request = request.header("x-kurso-csrf", csrf);
        }
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        let response = request.send().await.expect("POST");
        let status = response.status().as_u16();
        let text = response.text().await.expect("body");
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// The message as the API shows it.
    pub async fn message(&self, locale: &str, id: &str) -> Value {
        let (status, message) = self
            .json(&format!("api/locale/{locale}/message?file={FILE}&id={id}"))
            .await;
        assert_eq!(status, 200, "{message}");
        message
    }

    /// The version of message `id` a save must name (what the page got when it opened it).
    pub async fn version(&self, locale: &str, id: &str) -> String {
        self.message(locale, id).await["version"]
            .as_str()
            .expect("version")
            .to_owned()
    }

    /// Saves `text` as the only unit of message `id`.
    pub async fn save(
        &self,
        csrf: &str,
        locale: &str,
        id: &str,
        version: &str,
        action: &str,
        text: &str,
    ) -> (u16, Value) {
        self.post(
            &format!("api/locale/{locale}/save"),
            csrf,
            &json!({"file": FILE, "id": id, "version": version, "action": action, "units": {id: text}}),
        )
        .await
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The CSRF token a page carries.
pub fn csrf_of(page: &str) -> String {
    let marker = "name=\"kurso-csrf\" content=\"";
    let start = page.find(marker).expect("the page has a CSRF token") + marker.len();
    page[start..].split('"').next().expect("a token").to_owned()
}

impl Server {
    /// The message `id` of `file`, as the API shows it.
    pub async fn message_in(&self, locale: &str, file: &str, id: &str) -> Value {
        let (status, message) = self
            .json(&format!("api/locale/{locale}/message?file={file}&id={id}"))
            .await;
        assert_eq!(status, 200, "{message}");
        message
    }

    /// Saves `text` as the only unit of message `id` of `file`.
    #[allow(clippy::too_many_arguments)]
    pub async fn save_in(
        &self,
        csrf: &str,
        locale: &str,
        file: &str,
        id: &str,
        version: &Value,
        action: &str,
        text: &str,
    ) -> (u16, Value) {
        self.post(
            &format!("api/locale/{locale}/save"),
            csrf,
            &json!({"file": file, "id": id, "version": version, "action": action, "units": {id: text}}),
        )
        .await
    }
}
