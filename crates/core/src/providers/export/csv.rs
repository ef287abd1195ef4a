//! CSV in our survey template's columns: internal (everything; imports back unchanged) or
//! public (the public columns, of each provider only the consented parts). UTF-8 with a BOM
//! or Shift_JIS, streamed.

use std::io::Write;

use crate::error::{Error, Result};
use crate::vault::Registry;

use super::{CsvEncoding, ExportOptions, ExportSummary, cell, columns, guard_formula, io_error};

pub(super) fn write(
    registry: &Registry,
    options: &ExportOptions,
    out: &mut dyn Write,
    summary: &mut ExportSummary,
) -> Result<()> {
    let fields = columns(options.public);
    let mut sink = EncodingWriter::new(out, options.encoding)?;
    let mut writer = ::csv::Writer::from_writer(&mut sink);
    let header: Vec<&str> = fields.iter().map(|f| f.label_ja()).collect();
    writer.write_record(&header).map_err(csv_error)?;
    let mut written = 0u32;
    if options.public {
        summary.not_public = registry.each_public(&mut |record| {
            let cells = fields
                .iter()
                .map(|f| guard_formula(&cell(*f, &record.provider, &record.municipality)));
            writer.write_record(cells).map_err(csv_error)?;
            written += 1;
            Ok(())
        })?;
    } else {
        registry.each_provider(&mut |p, names| {
            let municipality = names.of(&p.municipality_code)?;
            let cells = fields
                .iter()
                .map(|f| guard_formula(&cell(*f, &p, &municipality)));
            writer.write_record(cells).map_err(csv_error)?;
            written += 1;
            Ok(())
        })?;
    }
    writer.flush().map_err(io_error)?;
    drop(writer);
    sink.finish()?;
    summary.providers = written;
    Ok(())
}

/// Re-encodes the CSV writer's UTF-8 output as it is written. A write may end inside a
/// multi-byte character; those bytes wait for the next write.
pub(crate) struct EncodingWriter<'a> {
    out: &'a mut dyn Write,
    encoding: CsvEncoding,
    pending: Vec<u8>,
}

impl<'a> EncodingWriter<'a> {
    /// A writer to `out` in `encoding`; UTF-8 starts with its BOM (so Excel reads it as UTF-8).
    pub(crate) fn new(out: &'a mut dyn Write, encoding: CsvEncoding) -> Result<Self> {
        if encoding == CsvEncoding::Utf8Bom {
            out.write_all("\u{feff}".as_bytes()).map_err(io_error)?;
        }
        Ok(EncodingWriter {
            out,
            encoding,
            pending: Vec::new(),
        })
    }

    /// Refuses output that stopped inside a multi-byte character (a bug upstream).
    pub(crate) fn finish(&self) -> Result<()> {
        if !self.pending.is_empty() {
            return Err(Error::Internal("export ended inside a character".into()));
        }
        Ok(())
    }
}

impl Write for EncodingWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(text) => text.len(),
            Err(e) => e.valid_up_to(),
        };
        let text = std::str::from_utf8(&self.pending[..valid]).expect("checked above");
        match self.encoding {
            CsvEncoding::Utf8Bom => self.out.write_all(text.as_bytes())?,
            CsvEncoding::ShiftJis => {
                let text = cp932_forms(text);
                self.out
                    .write_all(&encoding_rs::SHIFT_JIS.encode(&text).0)?
            }
        }
        self.pending.drain(..valid);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Characters that Unicode has twice and CP932 has once, as CP932 reads them: 〜 (wave dash)
/// is ～ in Shift_JIS files made on Windows, and so on. Without this they would be written as
/// numeric references.
fn cp932_forms(text: &str) -> std::borrow::Cow<'_, str> {
    const PAIRS: [(char, char); 6] = [
        ('\u{301C}', '\u{FF5E}'), // 〜 → ～
        ('\u{2016}', '\u{2225}'), // ‖ → ∥
        ('\u{2212}', '\u{FF0D}'), // − → －
        ('\u{00A2}', '\u{FFE0}'), // ¢ → ￠
        ('\u{00A3}', '\u{FFE1}'), // £ → ￡
        ('\u{00AC}', '\u{FFE2}'), // ¬ → ￢
    ];
    if !text
        .chars()
        .any(|c| PAIRS.iter().any(|(from, _)| *from == c))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            PAIRS
                .iter()
                .find(|(from, _)| *from == c)
                .map_or(c, |(_, to)| *to)
        })
        .collect::<String>()
        .into()
}

pub(crate) fn csv_error(e: ::csv::Error) -> Error {
    Error::Internal(format!("csv: {e}"))
}
