//! The PDF engine: typst as a library. Templates are compiled into the binary; the data of a
//! document reaches a template only as one JSON input (`sys.inputs.data`), which the template
//! reads with `json(..)`. Text from the registry is therefore always a typst *string*, shown
//! as it is, never parsed as markup (`#`, `*`, `$`, `<`, `//`… come out literally).

use std::sync::Arc;

use chrono::{Datelike, Timelike};
use serde::Serialize;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Dict, Str, Value};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::error::{Error, Result};
use crate::pdf::fonts::{Fonts, system_fonts};
use crate::record::Stamp;

/// The shared page set-up, header, footer and helpers every template imports.
const COMMON: &str = include_str!("templates/common.typ");

/// A document template: its file name (for messages) and its text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Template {
    pub name: &'static str,
    pub text: &'static str,
}

pub(crate) const CASE_SUMMARY: Template = Template {
    name: "case-summary.typ",
    text: include_str!("templates/case-summary.typ"),
};
pub(crate) const PLAN_HANDOUT: Template = Template {
    name: "plan-handout.typ",
    text: include_str!("templates/plan-handout.typ"),
};
pub(crate) const EMERGENCY_SHEET: Template = Template {
    name: "emergency-sheet.typ",
    text: include_str!("templates/emergency-sheet.typ"),
};
pub(crate) const ROSTER: Template = Template {
    name: "roster.typ",
    text: include_str!("templates/roster.typ"),
};

/// How a document is written.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    /// Tagged PDF (accessibility structure). Off for the roster: on a big table it makes the
    /// file several times larger and slower to write.
    pub tagged: bool,
}

/// What a template receives, besides its own fields: the fonts to use, in order.
#[derive(Serialize)]
struct Envelope<'a, T: Serialize> {
    fonts: &'a [String],
    doc: &'a T,
}

/// Renders `data` with `template` into PDF bytes, with the system's fonts.
pub(crate) fn render<T: Serialize>(
    template: Template,
    data: &T,
    stamp: &Stamp,
    options: Options,
) -> Result<Vec<u8>> {
    let fonts = system_fonts()?;
    render_with(fonts, template, data, stamp, options)
}

/// Renders with the given fonts.
pub(crate) fn render_with<T: Serialize>(
    fonts: Arc<Fonts>,
    template: Template,
    data: &T,
    stamp: &Stamp,
    options: Options,
) -> Result<Vec<u8>> {
    let json = serde_json::to_vec(&Envelope {
        fonts: &fonts.families,
        doc: data,
    })
    .map_err(|e| Error::Internal(format!("document data: {e}")))?;
    let world = DocWorld::new(fonts, template, json);
    let warned = typst::compile::<PagedDocument>(&world);
    // typst memoises across compilations; keep its cache from growing without bound.
    typst::comemo::evict(10);
    let document = warned
        .output
        .map_err(|errors| template_error(template, &errors))?;
    let pdf_options = PdfOptions {
        tagged: options.tagged,
        timestamp: timestamp(stamp),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &pdf_options).map_err(|errors| template_error(template, &errors))
}

/// The stamp's instant as the PDF's creation date.
fn timestamp(stamp: &Stamp) -> Option<Timestamp> {
    let at = stamp.at;
    let datetime = Datetime::from_ymd_hms(
        at.year(),
        at.month() as u8,
        at.day() as u8,
        at.hour() as u8,
        at.minute() as u8,
        at.second() as u8,
    )?;
    Some(Timestamp::new_utc(datetime))
}

/// A template that fails is a bug of ours, not of the data: say which and why.
fn template_error(template: Template, errors: &[SourceDiagnostic]) -> Error {
    let detail: Vec<String> = errors
        .iter()
        .map(|e| {
            let hints: Vec<&str> = e.hints.iter().map(|h| h.v.as_str()).collect();
            if hints.is_empty() {
                e.message.to_string()
            } else {
                format!("{} ({})", e.message, hints.join("; "))
            }
        })
        .collect();
    Error::Internal(format!(
        "PDF template {}: {}",
        template.name,
        detail.join(" / ")
    ))
}

/// The world a template is compiled in: its own text and common.typ, the data as
/// `sys.inputs.data`, the fonts, and nothing else (no files, no packages, no clock).
struct DocWorld {
    library: LazyHash<Library>,
    fonts: Arc<Fonts>,
    main: Source,
    common: Source,
}

impl DocWorld {
    fn new(fonts: Arc<Fonts>, template: Template, json: Vec<u8>) -> DocWorld {
        let inputs: Dict = [(Str::from("data"), Value::Bytes(Bytes::new(json)))]
            .into_iter()
            .collect();
        let library = Library::builder().with_inputs(inputs).build();
        DocWorld {
            library: LazyHash::new(library),
            fonts,
            main: Source::new(file_id(template.name), template.text.to_string()),
            common: Source::new(file_id("common.typ"), COMMON.to_string()),
        }
    }
}

fn file_id(name: &str) -> FileId {
    let path = VirtualPath::new(format!("/{name}")).expect("a template name is a valid path");
    RootedPath::new(VirtualRoot::Project, path).intern()
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if id == self.common.id() {
            Ok(self.common.clone())
        } else {
            Err(FileError::NotFound(
                id.vpath().get_with_slash().trim_start_matches('/').into(),
            ))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let source = self.source(id)?;
        Ok(Bytes::from_string(source.text().to_string()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        // Documents take their date from the data (the stamp), never from a clock.
        None
    }
}
