//! The PO syntax (GNU gettext manual, "The Format of PO Files"): entries of comments
//! (`#` translator, `#.` extracted, `#:` references, `#,` flags, `#|` previous fields) and
//! keywords (`msgctxt`, `msgid`, `msgid_plural`, `msgstr`, `msgstr[N]`), each followed by one or
//! more C strings on consecutive lines. Obsolete entries (`#~`) are skipped.
//!
//! No crate on crates.io reads all of this with positions (`polib` 0.3 has no previous fields,
//! no obsolete entries and no line numbers), and the syntax is small, so it is read here, line
//! by line. Lines end at LF, CRLF or a lone CR (old Mac files and mixed files exist). Anything
//! that is not PO is an error with its 1-based line and character column.

/// One entry as written (strings unescaped).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// 1-based line of the entry's first keyword (`msgctxt` or `msgid`).
    pub line: usize,
    pub translator_comments: Vec<String>,
    pub extracted: Vec<String>,
    pub references: Vec<String>,
    pub flags: Vec<String>,
    pub previous_msgctxt: Option<String>,
    pub previous_msgid: Option<String>,
    pub previous_msgid_plural: Option<String>,
    pub msgctxt: Option<String>,
    pub msgid: String,
    pub msgid_plural: Option<String>,
    /// `msgstr`, or `msgstr[0]`, `msgstr[1]`… of a plural entry.
    pub msgstr: Vec<String>,
}

impl Entry {
    pub fn is_fuzzy(&self) -> bool {
        self.flags.iter().any(|flag| flag == "fuzzy")
    }

    /// The header entry: `msgid ""` without a context.
    pub fn is_header(&self) -> bool {
        self.msgctxt.is_none() && self.msgid.is_empty()
    }
}

/// Why a text is not PO, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
}

/// The entries of `text` (the header included, obsolete entries left out).
pub fn parse(text: &str) -> Result<Vec<Entry>, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parser = Parser::default();
    for (index, line) in lines(text).enumerate() {
        parser.line(index + 1, line)?;
    }
    parser.finish()?;
    Ok(parser.entries)
}

/// Lines split at LF, CRLF or a lone CR.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let line = &rest[..end];
        let after = &rest[end..];
        rest = if let Some(next) = after.strip_prefix("\r\n") {
            next
        } else if after.is_empty() {
            after
        } else {
            &after[1..]
        };
        Some(line)
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Ctxt,
    Id,
    IdPlural,
    Str(usize),
    PrevCtxt,
    PrevId,
    PrevIdPlural,
}

#[derive(Default)]
struct Parser {
    entries: Vec<Entry>,
    entry: Entry,
    /// The entry has a `msgctxt` or `msgid`.
    started: bool,
    has_msgid: bool,
    /// Inside an obsolete (`#~`) entry, whose lines are skipped.
    obsolete: bool,
    last: Option<Field>,
    line: usize,
}

impl Parser {
    fn line(&mut self, number: usize, line: &str) -> Result<(), SyntaxError> {
        self.line = number;
        let body = line.trim_start();
        let indent = line.len() - body.len();
        if body.trim_end().is_empty() {
            // Blank lines mean nothing to gettext: keywords and comments delimit entries.
            return Ok(());
        }
        if body.starts_with("#~") {
            if self.started {
                self.end_entry()?;
            }
            // An obsolete entry takes the comments written above it along.
            self.entry = Entry::default();
            self.obsolete = true;
            return Ok(());
        }
        if self.obsolete {
            // Comments after an obsolete entry start the next one.
            self.obsolete = false;
        }
        if let Some(comment) = body.strip_prefix('#') {
            return self.comment(comment, line);
        }
        if body.starts_with('"') {
            let value = string(line, indent, number)?;
            return match self.last {
                Some(field) => {
                    self.field_mut(field).push_str(&value);
                    Ok(())
                }
                None => Err(self.error(line, indent, "a string with no keyword before it")),
            };
        }
        self.keyword(line, indent)
    }

    fn comment(&mut self, comment: &str, line: &str) -> Result<(), SyntaxError> {
        if self.started && !comment.starts_with('|') {
            self.end_entry()?;
        }
        let text = |rest: &str| rest.strip_prefix(' ').unwrap_or(rest).trim_end().to_owned();
        match comment.chars().next() {
            Some('.') => self.entry.extracted.push(text(&comment[1..])),
            Some(':') => self.entry.references.push(text(&comment[1..])),
            Some(',') => self.entry.flags.extend(
                comment[1..]
                    .split(',')
                    .map(str::trim)
                    .filter(|flag| !flag.is_empty())
                    .map(str::to_owned),
            ),
            Some('|') => return self.previous(&comment[1..], line),
            _ => self.entry.translator_comments.push(text(comment)),
        }
        self.last = None;
        Ok(())
    }

    /// `#| msgid "…"`, `#| "…"`.
    fn previous(&mut self, rest: &str, line: &str) -> Result<(), SyntaxError> {
        let body = rest.trim_start();
        let offset = line.len() - body.len();
        if body.starts_with('"') {
            let value = string(line, offset, self.line)?;
            return match self.last {
                Some(field @ (Field::PrevCtxt | Field::PrevId | Field::PrevIdPlural)) => {
                    self.field_mut(field).push_str(&value);
                    Ok(())
                }
                _ => Err(self.error(line, offset, "a `#|` string with no `#|` keyword before it")),
            };
        }
        let (field, after) = if let Some(after) = body.strip_prefix("msgctxt") {
            (Field::PrevCtxt, after)
        } else if let Some(after) = body.strip_prefix("msgid_plural") {
            (Field::PrevIdPlural, after)
        } else if let Some(after) = body.strip_prefix("msgid") {
            (Field::PrevId, after)
        } else {
            return Err(self.error(
                line,
                offset,
                "expected `msgctxt`, `msgid` or `msgid_plural` after `#|`",
            ));
        };
        let value = string(line, line.len() - after.len(), self.line)?;
        let slot = match field {
            Field::PrevCtxt => &mut self.entry.previous_msgctxt,
            Field::PrevIdPlural => &mut self.entry.previous_msgid_plural,
            _ => &mut self.entry.previous_msgid,
        };
        *slot = Some(value);
        self.last = Some(field);
        Ok(())
    }

    fn keyword(&mut self, line: &str, indent: usize) -> Result<(), SyntaxError> {
        let body = &line[indent..];
        let word_len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '[' | ']')))
            .unwrap_or(body.len());
        let word = &body[..word_len];
        let after = indent + word_len;
        let field = match word {
            "msgctxt" => {
                if self.has_msgid {
                    self.end_entry()?;
                } else if self.entry.msgctxt.is_some() {
                    return Err(self.error(line, indent, "a second `msgctxt` in one entry"));
                }
                self.begin();
                Field::Ctxt
            }
            "msgid" => {
                if self.has_msgid {
                    self.end_entry()?;
                }
                self.begin();
                self.has_msgid = true;
                Field::Id
            }
            "msgid_plural" => {
                if !self.has_msgid || !self.entry.msgstr.is_empty() {
                    return Err(self.error(line, indent, "`msgid_plural` must follow `msgid`"));
                }
                if self.entry.msgid_plural.is_some() {
                    return Err(self.error(line, indent, "a second `msgid_plural` in one entry"));
                }
                Field::IdPlural
            }
            "msgstr" => {
                if !self.has_msgid || !self.entry.msgstr.is_empty() {
                    return Err(self.error(line, indent, "`msgstr` must follow `msgid`, once"));
                }
                if self.entry.msgid_plural.is_some() {
                    return Err(self.error(
                        line,
                        indent,
                        "an entry with `msgid_plural` takes `msgstr[0]`, `msgstr[1]`…, not `msgstr`",
                    ));
                }
                Field::Str(0)
            }
            _ => {
                let index = word
                    .strip_prefix("msgstr[")
                    .and_then(|rest| rest.strip_suffix(']'))
                    .and_then(|n| n.parse::<usize>().ok());
                let Some(index) = index else {
                    return Err(self.error(
                        line,
                        indent,
                        "expected `msgctxt`, `msgid`, `msgid_plural`, `msgstr`, a string or a comment",
                    ));
                };
                if self.entry.msgid_plural.is_none() {
                    return Err(self.error(
                        line,
                        indent,
                        "`msgstr[N]` without `msgid_plural`: a singular entry takes `msgstr`",
                    ));
                }
                if index != self.entry.msgstr.len() {
                    return Err(self.error(
                        line,
                        indent,
                        &format!("expected `msgstr[{}]` here", self.entry.msgstr.len()),
                    ));
                }
                Field::Str(index)
            }
        };
        let value = string(line, after, self.line)?;
        match field {
            Field::Str(_) => self.entry.msgstr.push(value),
            Field::IdPlural => self.entry.msgid_plural = Some(value),
            Field::Ctxt => self.entry.msgctxt = Some(value),
            _ => self.entry.msgid = value,
        }
        self.last = Some(field);
        Ok(())
    }

    fn begin(&mut self) {
        if !self.started {
            self.started = true;
            self.entry.line = self.line;
        }
    }

    fn end_entry(&mut self) -> Result<(), SyntaxError> {
        if self.obsolete {
            self.entry = Entry::default();
        } else if !self.has_msgid {
            return Err(SyntaxError {
                line: self.entry.line,
                column: 1,
                message: "`msgctxt` without `msgid`".to_owned(),
            });
        } else if self.entry.msgstr.is_empty() {
            return Err(SyntaxError {
                line: self.entry.line,
                column: 1,
                message: "this entry has no `msgstr`".to_owned(),
            });
        } else {
            self.entries.push(std::mem::take(&mut self.entry));
        }
        self.started = false;
        self.has_msgid = false;
        self.last = None;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), SyntaxError> {
        if self.started {
            self.end_entry()?;
        }
        Ok(())
    }

    fn field_mut(&mut self, field: Field) -> &mut String {
        let entry = &mut self.entry;
        match field {
            Field::Ctxt => entry.msgctxt.get_or_insert_with(String::new),
            Field::Id => &mut entry.msgid,
            Field::IdPlural => entry.msgid_plural.get_or_insert_with(String::new),
            Field::Str(index) => &mut entry.msgstr[index],
            Field::PrevCtxt => entry.previous_msgctxt.get_or_insert_with(String::new),
            Field::PrevId => entry.previous_msgid.get_or_insert_with(String::new),
            Field::PrevIdPlural => entry.previous_msgid_plural.get_or_insert_with(String::new),
        }
    }

    fn error(&self, line: &str, byte: usize, message: &str) -> SyntaxError {
        error_at(self.line, line, byte, message)
    }
}

fn error_at(number: usize, line: &str, byte: usize, message: &str) -> SyntaxError {
    let byte = byte.min(line.len());
    SyntaxError {
        line: number,
        column: line
            .get(..byte)
            .map_or(byte, |prefix| prefix.chars().count())
            + 1,
        message: message.to_owned(),
    }
}

/// The C string starting at byte `start` of `line` (after blanks), unescaped; only blanks may
/// follow it.
fn string(line: &str, start: usize, number: usize) -> Result<String, SyntaxError> {
    let rest = &line[start..];
    let open = start + (rest.len() - rest.trim_start().len());
    if !line[open..].starts_with('"') {
        return Err(error_at(
            number,
            line,
            open,
            "expected a string in double quotes",
        ));
    }
    let mut value = String::new();
    let mut chars = line[open + 1..].char_indices();
    while let Some((offset, c)) = chars.next() {
        let at = open + 1 + offset;
        match c {
            '"' => {
                let after = &line[at + 1..];
                if !after.trim().is_empty() {
                    let stray = at + 1 + (after.len() - after.trim_start().len());
                    return Err(error_at(
                        number,
                        line,
                        stray,
                        "text after the closing quote (write `\\\"` for a quote inside a string)",
                    ));
                }
                return Ok(value);
            }
            '\\' => {
                let Some((_, escaped)) = chars.next() else {
                    break;
                };
                value.push(match escaped {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'a' => '\u{7}',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'v' => '\u{b}',
                    '"' | '\\' | '\'' | '?' => escaped,
                    '0'..='7' | 'x' => {
                        let digits: String = if escaped == 'x' {
                            chars
                                .as_str()
                                .chars()
                                .take_while(char::is_ascii_hexdigit)
                                .take(2)
                                .collect()
                        } else {
                            std::iter::once(escaped)
                                .chain(chars.as_str().chars().take_while(|d| ('0'..='7').contains(d)))
                                .take(3)
                                .collect()
                        };
                        let skip = if escaped == 'x' { digits.len() } else { digits.len() - 1 };
                        for _ in 0..skip {
                            chars.next();
                        }
                        let radix = if escaped == 'x' { 16 } else { 8 };
                        match u8::from_str_radix(&digits, radix) {
                            Ok(byte) if byte.is_ascii() => char::from(byte),
                            _ => {
                                return Err(error_at(
                                    number,
                                    line,
                                    at,
                                    "a numeric escape must be an ASCII character; write the character itself (the file is UTF-8)",
                                ));
                            }
                        }
                    }
                    _ => {
                        return Err(error_at(
                            number,
                            line,
                            at,
                            &format!("unknown escape `\\{escaped}` (write `\\\\` for a backslash)"),
                        ));
                    }
                });
            }
            _ => value.push(c),
        }
    }
    Err(error_at(
        number,
        line,
        line.len(),
        "the string is not closed: a string ends with `\"` on the line it starts",
    ))
}
