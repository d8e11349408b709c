//! What CAT tools and Poedit do to a packet they open and save, simulated on kurso's own
//! export text. Each function is named for a tool and does what that tool's files in
//! `../shared/corpora/interop/` show it doing (see the README there), after the translator
//! worked: the translator's intent is read from the standard `state` the edit helpers wrote
//! (`translated`, `signed-off`, `final`, a draft's `needs-review-translation`) and expressed
//! the tool's way.

use std::collections::HashMap;

/// Who worked in the tool, and when, as the tests expect them back.
pub const TRANSLATOR: &str = "giulia.bianchi";
pub const WORKED_ON: &str = "2025-03-04T10:15:00Z";

/// Applies `change` to every `open … close` element of `text` (e.g. each `<trans-unit`).
pub fn map_elements(
    text: &str,
    open: &str,
    close: &str,
    mut change: impl FnMut(&str) -> String,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        let end = rest[start..].find(close).expect("closed") + start + close.len();
        out.push_str(&rest[..start]);
        out.push_str(&change(&rest[start..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The standard `state` of a 1.2 unit's own target (not an alt-trans's), if it has one.
fn target_state(unit: &str) -> Option<&str> {
    let own = &unit[..unit.find("<alt-trans").unwrap_or(unit.len())];
    let target = &own[own.find("<target")?..];
    let tag = &target[..target.find('>')?];
    tag.split("state=\"").nth(1)?.split('"').next()
}

/// `unit` without its `<alt-trans>` (the previous version kurso sent).
fn without_alt_trans(unit: &str) -> String {
    let mut unit = unit.to_owned();
    while let Some(start) = unit.find("<alt-trans") {
        let end = unit[start..].find("</alt-trans>").expect("closed") + start + 12;
        unit.replace_range(start..end, "");
    }
    unit
}

/// The unit's `<target …>` start tag made plain (`<target>` plus `extra`): the tools below
/// keep their status elsewhere and write no XLIFF `state`.
fn plain_target_tag(unit: &str, extra: &str) -> String {
    match unit.find("<target") {
        Some(start) => {
            let end = unit[start..].find('>').expect("a tag end") + start + 1;
            let mut unit = unit.to_owned();
            unit.replace_range(start..end, &format!("<target{extra}>"));
            unit
        }
        None => unit.to_owned(),
    }
}

/// Lines that hold only structure start at column 0, as memoQ writes them; the text inside
/// `<source>` and `<target>` is left as it is.
fn flush_left(text: &str) -> String {
    const STRUCTURE: [&str; 12] = [
        "<file",
        "</file>",
        "<header",
        "</header>",
        "<tool",
        "<body",
        "</body>",
        "<trans-unit",
        "</trans-unit>",
        "<source",
        "<target",
        "<note",
    ];
    text.lines()
        .map(|line| {
            let trimmed = line.trim_start();
            if STRUCTURE.iter().any(|tag| trimmed.starts_with(tag)) {
                trimmed
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// kurso's `<tool …/>` line and its `tool-id` on `<file>` replaced by `header` (may be empty).
fn replace_kurso_tool(text: &str, header: &str) -> String {
    let start = text.find("<tool tool-id=\"kurso\"").expect("kurso's tool");
    let end = text[start..].find("/>").expect("an empty element") + start + 2;
    let mut text = text.to_owned();
    text.replace_range(start..end, header);
    text.replace(" tool-id=\"kurso\"", "")
}

/// memoQ 10 (`locked.mqxliff`): the `mq:` namespace, memoQ's `<tool>`, `mq:status` and the
/// last change on each `<trans-unit>` (`ManuallyConfirmed` when the translator confirmed,
/// `Proofread` when reviewed), `xml:space` on `<source>`/`<target>` instead of the unit, an
/// empty `<target>` where there is no translation, no XLIFF `state`, no `<alt-trans>`,
/// bookkeeping elements (`mq:commitinfos`), and every structural line flush left.
pub fn memoq_saves(text: &str) -> String {
    let text = text.replacen(
        "<xliff version=\"1.2\"",
        "<xliff version=\"1.2\" xmlns:mq=\"MQXliff\"",
        1,
    );
    let text = replace_kurso_tool(
        &text,
        "<tool tool-id=\"MQ\" tool-name=\"MemoQ\" tool-version=\"10.3.12\" tool-company=\"Kilgray\" />",
    );
    let mut guid = 0;
    let text = map_elements(&text, "<trans-unit ", "</trans-unit>", |unit| {
        guid += 1;
        let (status, changed) = match target_state(unit) {
            None => ("NotStarted", false),
            Some("translated") => ("ManuallyConfirmed", true),
            Some("signed-off") => ("Proofread", true),
            Some("final") => ("Reviewer2Confirmed", true),
            Some(_) => ("MachineTranslated", false),
        };
        let stamp = if changed {
            format!("mq:lastchangedtimestamp=\"{WORKED_ON}\" mq:lastchanginguser=\"{TRANSLATOR}\"")
        } else {
            "mq:lastchangedtimestamp=\"0001-01-01T00:00:00Z\"".to_owned()
        };
        let mut unit = without_alt_trans(unit)
            .replacen(" xml:space=\"preserve\"", "", 1)
            .replacen(
                "<trans-unit ",
                &format!(
                    "<trans-unit mq:status=\"{status}\" mq:segmentguid=\"0000-{guid:04}\" {stamp} "
                ),
                1,
            )
            .replacen("<source>", "<source xml:space=\"preserve\">", 1);
        unit = plain_target_tag(&unit, " xml:space=\"preserve\"");
        if !unit.contains("<target") {
            let end = unit.find("</source>").expect("a source") + 9;
            unit.insert_str(end, "\n<target xml:space=\"preserve\"></target>");
        }
        unit.replace(
            "</trans-unit>",
            "<mq:startingws xml:space=\"preserve\" />\n<mq:commitinfos xmlns=\"MQXliff\" />\n<mq:nosplitjoins />\n</trans-unit>",
        )
    });
    flush_left(&text)
}

/// The native codes of each `<g id=N … equiv-text="opening…closing">` of a unit's source.
fn pair_forms(source: &str) -> HashMap<String, (String, String)> {
    let mut forms = HashMap::new();
    for tag in source.split("<g id=\"").skip(1) {
        let id = tag.split('"').next().expect("an id").to_owned();
        let tag = &tag[..tag.find('>').expect("a tag end")];
        if let Some(equiv) = tag.split("equiv-text=\"").nth(1) {
            let equiv = equiv.split('"').next().expect("a value");
            let (opening, closing) = equiv.split_once('…').expect("kurso joins both forms");
            forms.insert(id, (opening.to_owned(), closing.to_owned()));
        }
    }
    forms
}

/// Every `<g id=N …>…</g>` of `content` as `forms(N)`'s opening and closing markup.
fn rewrite_pairs(content: &str, forms: impl Fn(&str) -> (String, String)) -> String {
    let mut out = String::new();
    let mut stack: Vec<String> = Vec::new();
    let mut rest = content;
    loop {
        let open = rest.find("<g id=\"");
        let close = rest.find("</g>");
        match (open, close) {
            (Some(open), close) if close.is_none_or(|close| open < close) => {
                let end = rest[open..].find('>').expect("a tag end") + open;
                let id = rest[open + 7..].split('"').next().expect("an id");
                let (opening, closing) = forms(id);
                out.push_str(&rest[..open]);
                out.push_str(&opening);
                stack.push(closing);
                rest = &rest[end + 1..];
            }
            (_, Some(close)) => {
                out.push_str(&rest[..close]);
                out.push_str(&stack.pop().expect("balanced"));
                rest = &rest[close + 4..];
            }
            _ => break,
        }
    }
    out.push_str(rest);
    out
}

/// `<x id="N"` → `<x id="N+100"`: codes renumbered, their readable forms kept.
fn renumber_placeholders(content: &str) -> String {
    let mut out = String::new();
    let mut rest = content;
    while let Some(at) = rest.find("<x id=\"") {
        let id_start = at + 7;
        let id_end = rest[id_start..].find('"').expect("an id") + id_start;
        let id: u32 = rest[id_start..id_end].parse().expect("a number");
        out.push_str(&rest[..id_start]);
        out.push_str(&(id + 100).to_string());
        rest = &rest[id_end..];
    }
    out.push_str(rest);
    out
}

/// How a tool writes kurso's `<g>` pairs.
#[derive(Clone, Copy)]
pub enum PairedCodes {
    /// `<bpt id rid>opening</bpt>` … `<ept id rid>closing</ept>`, native code inside.
    BptEpt,
    /// `<bx id rid/>` … `<ex id rid/>`, no readable form at all.
    BxEx,
}

/// The content of `<source>`/`<target>` with every code renumbered and each `<g>` pair
/// rewritten as `codes` says (the forms come from the source's `equiv-text`).
fn recode(content: &str, forms: &HashMap<String, (String, String)>, codes: PairedCodes) -> String {
    let content = renumber_placeholders(content);
    rewrite_pairs(&content, |id| {
        let number: u32 = id.parse().expect("a number");
        match codes {
            PairedCodes::BptEpt => {
                let (opening, closing) = forms.get(id).cloned().unwrap_or_default();
                (
                    format!("<bpt id=\"{}\" rid=\"{id}\">{opening}</bpt>", number + 100),
                    format!("<ept id=\"{}\" rid=\"{id}\">{closing}</ept>", number + 200),
                )
            }
            PairedCodes::BxEx => (
                format!("<bx id=\"{}\" rid=\"{id}\"/>", number + 100),
                format!("<ex id=\"{}\" rid=\"{id}\"/>", number + 200),
            ),
        }
    })
}

/// Trados Studio (`*.sdlxliff`): the `sdl:` namespace, Studio's `<file-info>` header and no
/// `<tool>`, each unit's source copied into `<seg-source>` as a `<mrk mtype="seg">` and the
/// target wrapped in the same `mrk` (an empty one where there is no translation), the status
/// in `<sdl:seg-defs><sdl:seg conf>` (`Translated`, `ApprovedTranslation`,
/// `ApprovedSignOff`; `Draft` for an MT draft) with `last_modified_by` and `modified_on`,
/// no XLIFF `state`, no `<alt-trans>`; inline codes renumbered and `<g>` rewritten as `codes`.
pub fn trados_saves(text: &str, codes: PairedCodes) -> String {
    let text = text.replacen(
        "<xliff version=\"1.2\"",
        "<xliff xmlns:sdl=\"http://sdl.com/FileTypes/SdlXliff/1.0\" version=\"1.2\" sdl:version=\"1.0\"",
        1,
    );
    let text = replace_kurso_tool(
        &text,
        "<file-info xmlns=\"http://sdl.com/FileTypes/SdlXliff/1.0\"><value key=\"SDL:FileId\">9f4991a3</value></file-info>",
    );
    let mut mid = 0;
    map_elements(&text, "<trans-unit ", "</trans-unit>", |unit| {
        mid += 1;
        let conf = match target_state(unit) {
            None => None,
            Some("translated") => Some(("Translated", true)),
            Some("signed-off") => Some(("ApprovedTranslation", true)),
            Some("final") => Some(("ApprovedSignOff", true)),
            Some(_) => Some(("Draft", false)),
        };
        let mut unit = without_alt_trans(unit);
        let (source, forms) = {
            let start = unit.find("<source>").expect("a source") + 8;
            let end = unit.find("</source>").expect("a source end");
            let source = unit[start..end].to_owned();
            let forms = pair_forms(&source);
            let recoded = recode(&source, &forms, codes);
            unit.replace_range(start..end, &recoded);
            (recoded, forms)
        };
        let seg_source =
            format!("<seg-source><mrk mtype=\"seg\" mid=\"{mid}\">{source}</mrk></seg-source>");
        let after_source = unit.find("</source>").expect("a source end") + 9;
        unit.insert_str(after_source, &seg_source);
        unit = plain_target_tag(&unit, "");
        if let Some(start) = unit.find("<target>") {
            let start = start + 8;
            let end = unit.find("</target>").expect("a target end");
            let target = recode(&unit[start..end], &forms, codes);
            unit.replace_range(
                start..end,
                &format!("<mrk mtype=\"seg\" mid=\"{mid}\">{target}</mrk>"),
            );
        } else {
            let end = unit.find("</seg-source>").expect("seg-source") + 13;
            unit.insert_str(
                end,
                &format!("<target><mrk mtype=\"seg\" mid=\"{mid}\"/></target>"),
            );
        }
        let seg = match conf {
            None => format!("<sdl:seg id=\"{mid}\"/>"),
            Some((conf, false)) => format!("<sdl:seg id=\"{mid}\" conf=\"{conf}\" origin=\"mt\"/>"),
            Some((conf, true)) => format!(
                "<sdl:seg id=\"{mid}\" conf=\"{conf}\" origin=\"interactive\"><sdl:value key=\"last_modified_by\">{TRANSLATOR}</sdl:value><sdl:value key=\"modified_on\">03/04/2025 10:15:00</sdl:value></sdl:seg>"
            ),
        };
        unit.replace(
            "</trans-unit>",
            &format!("<sdl:seg-defs>{seg}</sdl:seg-defs></trans-unit>"),
        )
    })
}

/// Phrase TMS (`*.mxliff`): the `m:` namespace with the workflow step on `<xliff>`, no
/// `<tool>`, each unit in a `<group m:para-id>`, `m:confirmed` (1 when the translator
/// confirmed) with `m:trans-origin`, `m:modified-by` (a user ID, named in `<m:extra>` after the
/// `<file>`) and `m:modified-at` (milliseconds), an MT proposal and an empty TM one as
/// `<alt-trans>` after the target, and no XLIFF `state`.
pub fn phrase_saves(text: &str) -> String {
    let text = text.replacen(
        "<xliff version=\"1.2\"",
        "<xliff xmlns:m=\"http://www.memsource.com/mxlf/2.0\" version=\"1.2\" m:level=\"1\" m:version=\"2.13\"",
        1,
    );
    let text = replace_kurso_tool(&text, "");
    let mut para = 0;
    let text = map_elements(&text, "<trans-unit ", "</trans-unit>", |unit| {
        para += 1;
        let confirmed = matches!(
            target_state(unit),
            Some("translated" | "signed-off" | "final")
        );
        let attributes = if confirmed {
            "m:confirmed=\"1\" m:trans-origin=\"ht\" m:modified-by=\"189816\" m:modified-at=\"1741083300000\"".to_owned()
        } else {
            "m:confirmed=\"0\" m:trans-origin=\"mt\" m:score=\"0.96\"".to_owned()
        };
        let mut unit = without_alt_trans(unit).replacen(
            "<trans-unit ",
            &format!("<trans-unit {attributes} m:para-id=\"{para}\" "),
            1,
        );
        unit = plain_target_tag(&unit, "");
        if let Some(end) = unit.find("</target>") {
            unit.insert_str(
                end + 9,
                "<alt-trans match-quality=\"0.96\" origin=\"machine-trans\"><target>Proposta automatica</target></alt-trans><alt-trans origin=\"memsource-tm\"><target/></alt-trans>",
            );
        }
        format!("<group id=\"{para}\" m:para-id=\"{para}\">{unit}</group>")
    });
    text.replace(
        "</file>",
        "</file>\n<m:extra><m:users><m:user fullname=\"Giulia Bianchi\" id=\"189816\" username=\"giulia.bianchi\"/></m:users></m:extra>",
    )
}

/// The unit named `id` with its one segment cut into two at the first `. ` of its source and
/// target, the space between them an `<ignorable>`.
fn split_in_two_segments(text: &str, id: &str) -> String {
    let at = text
        .find(&format!(" name=\"{id}\""))
        .unwrap_or_else(|| panic!("no unit named {id}"));
    let start = text[at..].find("<segment").expect("a segment") + at;
    let end = text[start..].find("</segment>").expect("closed") + start + 10;
    let segment = &text[start..end];
    let tag = &segment[..=segment.find('>').expect("a tag end")];
    let part = |name: &str| -> (String, String) {
        let open = format!("<{name}>");
        let from = segment.find(&open).expect("source and target") + open.len();
        let to = segment.find(&format!("</{name}>")).expect("closed");
        let (first, second) = segment[from..to].split_once(". ").expect("two sentences");
        (format!("{first}."), second.to_owned())
    };
    let (source1, source2) = part("source");
    let (target1, target2) = part("target");
    let first_tag = tag.replacen("<segment", "<segment id=\"s1\"", 1);
    let second_tag = tag.replacen("<segment", "<segment id=\"s2\"", 1);
    format!(
        "{}{first_tag}<source>{source1}</source><target>{target1}</target></segment><ignorable><source> </source></ignorable>{second_tag}<source>{source2}</source><target>{target2}</target></segment>{}",
        &text[..start],
        &text[end..]
    )
}

/// Phrase's XLIFF 2.0 export (`pc-slash.xlf`, `size-restriction.xliff`): the XLIFF namespace
/// under a prefix (`xlf:`) instead of the default one, Phrase's `memsource:` namespace with the
/// workflow level on the root, and the unit named `split` cut into two sentence segments.
pub fn xliff2_tool_saves(text: &str, split: Option<&str>) -> String {
    let mut text = text.replacen(
        "xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"",
        "xmlns:xlf=\"urn:oasis:names:tc:xliff:document:2.0\" xmlns:memsource=\"http://www.memsource.com/xliff2.0/1.0\" memsource:wfLevel=\"1\"",
        1,
    );
    if let Some(split) = split {
        text = split_in_two_segments(&text, split);
    }
    for name in [
        "xliff",
        "file",
        "unit",
        "segment",
        "ignorable",
        "source",
        "target",
        "notes",
        "note",
        "originalData",
        "data",
        "ph",
        "pc",
        "sc",
        "ec",
        "group",
    ] {
        text = text
            .replace(&format!("<{name} "), &format!("<xlf:{name} "))
            .replace(&format!("<{name}>"), &format!("<xlf:{name}>"))
            .replace(&format!("<{name}/>"), &format!("<xlf:{name}/>"))
            .replace(&format!("</{name}>"), &format!("</xlf:{name}>"));
    }
    text
}

/// Poedit 3.4: its header (`X-Generator`, `Last-Translator`, `PO-Revision-Date`, the team),
/// every string re-wrapped at 79 columns its own way, and the entries in reverse order (as a
/// catalogue sorted differently writes them). Confirming an entry (dropping `fuzzy` and the
/// `#|` lines) is the translator's edit, done before (`edit::po_fill`).
pub fn poedit_saves(text: &str) -> String {
    let text = text
        .replace(
            "\"X-Generator: kurso 0.1.0\\n\"",
            "\"X-Generator: Poedit 3.4\\n\"",
        )
        .replace(
            "\"Last-Translator: \\n\"",
            "\"Last-Translator: Giulia Bianchi <giulia.bianchi@example.org>\\n\"",
        )
        .replace(
            "\"PO-Revision-Date: \\n\"",
            "\"PO-Revision-Date: 2025-03-04 10:15+0100\\n\"",
        )
        .replace("\"Language-Team: \\n\"", "\"Language-Team: Italian\\n\"");
    assert!(text.contains("Poedit 3.4"), "kurso's X-Generator changed");
    let entries: Vec<&str> = text.trim_end().split("\n\n").collect();
    let (header, rest) = entries.split_first().expect("a header");
    let mut out: Vec<String> = vec![(*header).to_owned()];
    out.extend(rest.iter().rev().map(|entry| rewrap_entry(entry)));
    out.join("\n\n") + "\n"
}

/// One PO entry with each keyword's string joined and written again, wrapped at 79 columns
/// after spaces (Poedit puts a short string on the keyword's line, a long one after `""`).
fn rewrap_entry(entry: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut current: Option<(String, String)> = None; // (prefix with keyword, joined content)
    let flush = |current: &mut Option<(String, String)>, out: &mut Vec<String>| {
        if let Some((keyword, content)) = current.take() {
            out.extend(wrap(&keyword, &content));
        }
    };
    for line in entry.lines() {
        let (comment, body) = match line.strip_prefix("#| ") {
            Some(body) => ("#| ", body),
            None => ("", line),
        };
        if let Some((_, joined)) = &mut current
            && let Some(content) = body.strip_prefix('"').and_then(|b| b.strip_suffix('"'))
        {
            joined.push_str(content);
            continue;
        }
        flush(&mut current, &mut out);
        match body.split_once(" \"") {
            Some((keyword, rest)) if keyword.starts_with("msg") => {
                let content = rest.strip_suffix('"').expect("a closed string");
                current = Some((format!("{comment}{keyword}"), content.to_owned()));
            }
            _ => out.push(line.to_owned()),
        }
    }
    flush(&mut current, &mut out);
    out.join("\n")
}

/// `keyword "content"` wrapped at 79 columns, breaking after a space or an escaped `\n`.
fn wrap(keyword: &str, content: &str) -> Vec<String> {
    if keyword.len() + content.len() + 3 <= 79 && !content.trim_end_matches("\\n").contains("\\n") {
        return vec![format!("{keyword} \"{content}\"")];
    }
    let mut lines = vec![format!("{keyword} \"\"")];
    let prefix = if keyword.starts_with("#| ") {
        "#| "
    } else {
        ""
    };
    let mut line = String::new();
    let mut words = content.split_inclusive([' ']).peekable();
    while let Some(word) = words.next() {
        if !line.is_empty() && prefix.len() + line.len() + word.len() + 2 > 79 {
            lines.push(format!("{prefix}\"{line}\""));
            line.clear();
        }
        line.push_str(word);
        if line.ends_with("\\n") && words.peek().is_some() {
            lines.push(format!("{prefix}\"{line}\""));
            line.clear();
        }
    }
    if !line.is_empty() {
        lines.push(format!("{prefix}\"{line}\""));
    }
    lines
}
