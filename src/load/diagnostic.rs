//! Problems found in a brief: stable codes, positions, and how to fix them.

use serde::Serialize;

use crate::model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $severity:ident, $summary:literal;)+) => {
        /// Every problem the loader reports. Codes are stable: tools and golden files match on them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($variant,)+
        }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)+];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)+ }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)+ }
            }

            /// One line on what the code means, for docs and `--explain`-style listings.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)+ }
            }
        }
    };
}

codes! {
    NotUtf8 = "E001", Error, "the file is not UTF-8 text";
    YamlSyntax = "E002", Error, "the file is not valid YAML";
    NotAMapping = "E003", Error, "a document is not a mapping of fields, or the file holds no brief";
    MissingVersion = "E004", Error, "the `brief:` format version is missing";
    UnsupportedVersion = "E005", Error, "the `brief:` format version is not 1";
    UnknownField = "E006", Error, "a field the format does not define (extensions start with `x-`)";
    MissingField = "E007", Error, "a required field is missing";
    WrongType = "E008", Error, "a value of the wrong type (text, list, true/false)";
    UnknownValue = "E009", Error, "a value outside its field's list";
    BadDate = "E010", Error, "a date that is not ISO 8601";
    BadId = "E011", Error, "an id that breaks the id pattern";
    BlankText = "E012", Error, "an empty or blank `text`, `name`, `title` or `label`";
    DuplicateId = "E013", Error, "two items share an id";
    UnknownReference = "E014", Error, "a reference to an id that does not exist";
    WrongSection = "E015", Error, "a reference to an item of the wrong section";
    AffiliationCycle = "E016", Error, "an actor in its own affiliation chain";
    SpeaksForSelf = "E017", Error, "an actor that speaks for itself";
    QuoteNotInSource = "E018", Error, "a direct or partial quote that its source's file does not contain";
    SourceFileUnreadable = "E019", Error, "a source's `file` that cannot be read, is not a regular file, or lies outside the brief's folder";
    FileTooLarge = "E020", Error, "a file over the size limit";
    YamlLimit = "E021", Error, "YAML that exceeds the loader's limits (nesting, aliases, size)";
    DuplicateField = "E022", Error, "a field written twice in one item (also a list item missing its `- `, or a brief its `---`)";
    UnreferencedActor = "W001", Warning, "an actor nothing refers to";
    Unsourced = "W002", Warning, "an item without a source while the brief has sources";
    EmptySection = "W003", Warning, "an empty section";
    IdDisagreesAcrossBriefs = "W004", Warning, "an id that means another actor, topic or source in another brief opened with it";
    FollowsUnknownBrief = "W005", Warning, "a `follows` naming no other brief opened with it (not checked for a brief opened alone)";
}

impl Code {
    /// Every code with what it means, as a Markdown table: the README's list of codes (a test
    /// keeps it current).
    pub fn markdown_table() -> String {
        let mut out = String::from("| code | severity | meaning |\n|---|---|---|\n");
        for code in Code::ALL {
            let severity = match code.severity() {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            out.push_str(&format!("| `{code}` | {severity} | {} |\n", code.summary()));
        }
        out
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A noun with the article its first sound takes: `an actor kind`, `a stance`. Messages glue
/// an article to a word only through this, so no word can come out as `a event`.
pub(crate) fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {noun}")
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    /// Where the problem is; `None` for problems of the whole file.
    pub span: Option<Span>,
    /// One line saying what is wrong.
    pub message: String,
    /// A few words shown under the caret.
    pub label: Option<String>,
    /// How to fix it, when the fix is not obvious from the message.
    pub help: Option<String>,
    /// The nearest valid value, for "did you mean".
    pub suggestion: Option<String>,
    /// Background that is not the fix: the YAML parser's own words for a syntax error.
    pub note: Option<String>,
}

impl Diagnostic {
    pub fn new(code: Code, span: impl Into<Option<Span>>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            span: span.into(),
            message: message.into(),
            label: None,
            help: None,
            suggestion: None,
            note: None,
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Diagnostic {
        self.note = Some(note.into());
        self
    }

    /// Adds "did you mean" when a near match exists.
    pub fn suggest(mut self, nearest: Option<&str>) -> Diagnostic {
        self.suggestion = nearest.map(str::to_string);
        self
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// The problem in one line, for a status line: `file:line:column: message`.
    pub fn located(&self, file: &str) -> String {
        let place = self.span.map_or(String::new(), |s| format!(":{}:{}", s.line, s.column));
        format!("{file}{place}: {}", self.message)
    }

    /// The fix in one sentence: the suggestion if there is one, else the help.
    pub fn fix(&self) -> Option<String> {
        match (&self.suggestion, &self.help) {
            (Some(s), _) => Some(format!("did you mean '{s}'?")),
            (None, Some(h)) => Some(h.clone()),
            (None, None) => None,
        }
    }
}
