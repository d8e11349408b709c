//! `kurso explain [CODE]`: a rule's documentation, or the list of rules.

use kurso::check::rules;

use crate::ExitStatus;
use crate::args::ExplainArgs;
use crate::output::Output;

pub fn run(args: &ExplainArgs, out: &mut Output) -> ExitStatus {
    let Some(code) = &args.code else {
        let width = rules::ALL.iter().map(|r| r.code.len()).max().unwrap_or(0);
        for rule in rules::ALL {
            out.result(&format!(
                "{:<width$}  {:<7}  {}",
                rule.code,
                rule.level.as_str(),
                rule.summary
            ));
        }
        out.line("\n`kurso explain CODE` shows one rule in full.");
        return ExitStatus::Clean;
    };
    if let Some(rule) = rules::lookup(code) {
        out.result(&format!("{} (default level: {})\n", rule.code, rule.level));
        out.result(&format!("{}.\n", capitalize(rule.summary)));
        out.result(rule.docs);
        ExitStatus::Clean
    } else {
        {
            let codes: Vec<&str> = rules::ALL.iter().map(|r| r.code).collect();
            out.error(
                &kurso::diagnostic::Diagnostic::file_error(
                    std::path::Path::new("kurso explain"),
                    format!("unknown rule `{code}`"),
                )
                .with_help(format!("rules: {}", codes.join(", "))),
            );
            ExitStatus::Failed
        }
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
