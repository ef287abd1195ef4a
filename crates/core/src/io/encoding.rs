//! Text encodings of CSV files, and the streaming decoder that turns any of them into UTF-8
//! for the CSV parser while guarding line lengths.
//!
//! - **UTF-8**, with or without a BOM.
//! - **Shift_JIS** as Windows writes it (CP932): encoding_rs's `SHIFT_JIS` is the WHATWG
//!   Shift_JIS, which includes the NEC and IBM extensions, so ①, ㈱, 髙 and 﨑 decode correctly
//!   and 0x8160 is FULLWIDTH TILDE ～ (U+FF5E), as on Windows. The byte 0x5C is decoded as the
//!   backslash `\` (U+005C), not ¥: that is what every Windows program does with it, and what
//!   encoding_rs does; a ¥ typed on a Japanese keyboard is stored as that byte, so in an
//!   imported file it arrives as `\`.
//! - **UTF-16** (LE or BE) with a BOM.
//!
//! A BOM always wins over the encoding chosen by the person: a UTF-16 file read "as UTF-8"
//! would be garbage. Bytes invalid in the encoding become U+FFFD, which the table reports.

use std::io::{self, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The encoding a person chooses for a CSV file (`--encoding utf8|sjis|auto`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub enum Encoding {
    #[serde(rename = "utf8")]
    Utf8,
    #[serde(rename = "sjis")]
    ShiftJis,
    /// BOM, else valid UTF-8 in the first 64 KiB, else Shift_JIS.
    #[default]
    #[serde(rename = "auto")]
    Auto,
}

impl std::str::FromStr for Encoding {
    type Err = String;

    /// `utf8`/`utf-8`, `sjis`/`shift_jis`/`shift-jis`/`cp932`/`windows-31j`, `auto`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "utf8" | "utf-8" => Ok(Encoding::Utf8),
            "sjis" | "shift_jis" | "shift-jis" | "cp932" | "windows-31j" => Ok(Encoding::ShiftJis),
            "auto" => Ok(Encoding::Auto),
            other => Err(format!(
                "unknown encoding {other:?}: use utf8, sjis or auto"
            )),
        }
    }
}

/// What a file was actually read as: the encoding used for a CSV, or XLSX.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    CsvUtf8,
    CsvUtf8Bom,
    CsvShiftJis,
    CsvUtf16Le,
    CsvUtf16Be,
    Xlsx,
}

impl SourceFormat {
    /// A short label for the preview screen and the CLI.
    pub fn label(self) -> &'static str {
        match self {
            SourceFormat::CsvUtf8 => "CSV (UTF-8)",
            SourceFormat::CsvUtf8Bom => "CSV (UTF-8 BOM)",
            SourceFormat::CsvShiftJis => "CSV (Shift_JIS / CP932)",
            SourceFormat::CsvUtf16Le => "CSV (UTF-16LE)",
            SourceFormat::CsvUtf16Be => "CSV (UTF-16BE)",
            SourceFormat::Xlsx => "XLSX",
        }
    }

    fn decoder(self) -> encoding_rs::Decoder {
        let enc = match self {
            SourceFormat::CsvUtf8 | SourceFormat::CsvUtf8Bom | SourceFormat::Xlsx => {
                encoding_rs::UTF_8
            }
            SourceFormat::CsvShiftJis => encoding_rs::SHIFT_JIS,
            SourceFormat::CsvUtf16Le => encoding_rs::UTF_16LE,
            SourceFormat::CsvUtf16Be => encoding_rs::UTF_16BE,
        };
        // The BOM has been skipped already; a later one stays in the text and is reported.
        enc.new_decoder_without_bom_handling()
    }
}

/// How many bytes auto-detection looks at.
pub(crate) const SNIFF_BYTES: usize = 64 * 1024;

/// Decides how to read a CSV from its first bytes (`at_eof`: `head` is the whole file).
/// Returns the format and the length of the BOM to skip.
pub(crate) fn detect(head: &[u8], choice: Encoding, at_eof: bool) -> (SourceFormat, usize) {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return (SourceFormat::CsvUtf8Bom, 3);
    }
    if head.starts_with(&[0xFF, 0xFE]) {
        return (SourceFormat::CsvUtf16Le, 2);
    }
    if head.starts_with(&[0xFE, 0xFF]) {
        return (SourceFormat::CsvUtf16Be, 2);
    }
    let format = match choice {
        Encoding::Utf8 => SourceFormat::CsvUtf8,
        Encoding::ShiftJis => SourceFormat::CsvShiftJis,
        Encoding::Auto if looks_like_utf8(head, at_eof) => SourceFormat::CsvUtf8,
        Encoding::Auto => SourceFormat::CsvShiftJis,
    };
    (format, 0)
}

/// Valid UTF-8, allowing a character cut in two at the end of the sniffed chunk. Shift_JIS
/// text with any kana or kanji is almost never valid UTF-8, and pure ASCII reads the same
/// either way.
fn looks_like_utf8(head: &[u8], at_eof: bool) -> bool {
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => !at_eof && e.error_len().is_none(),
    }
}

/// Why the decoder stopped: carried inside an `io::Error` through the CSV parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Overrun {
    Line { line: u64 },
    Row { line: u64 },
}

impl std::fmt::Display for Overrun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Overrun::Line { line } => write!(f, "line {line} is too long"),
            Overrun::Row { line } => write!(f, "the row starting at line {line} is too long"),
        }
    }
}

impl std::error::Error for Overrun {}

/// Where the row being parsed started, as the table last told the decoder: the decoder
/// refuses to run more than the row limit past it (an unclosed quote would otherwise make
/// the rest of a 1 GB file one row in memory).
#[derive(Debug, Default)]
pub(crate) struct RowStart {
    byte: AtomicU64,
    line: AtomicU64,
    /// Bytes of the file read so far (for progress).
    input: AtomicU64,
}

impl RowStart {
    pub(crate) fn set(&self, byte: u64, line: u64) {
        self.byte.store(byte, Ordering::Relaxed);
        self.line.store(line, Ordering::Relaxed);
    }

    pub(crate) fn input_bytes(&self) -> u64 {
        self.input.load(Ordering::Relaxed)
    }

    pub(crate) fn add_input(&self, n: u64) {
        self.input.fetch_add(n, Ordering::Relaxed);
    }
}

/// Slack for the parser's read-ahead when comparing the output position with the row start.
const READ_AHEAD_SLACK: u64 = 512 * 1024;

/// A `Read` that decodes `inner` to UTF-8 chunk by chunk (memory: two fixed buffers), turns
/// line ends into LF, counts lines, and fails with an [`Overrun`] when a line or a row grows
/// past `max_row_bytes`.
pub(crate) struct DecodingReader<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    input: Vec<u8>,
    in_pos: usize,
    in_len: usize,
    in_eof: bool,
    output: Vec<u8>,
    out_pos: usize,
    out_len: usize,
    finished: bool,
    pending_cr: bool,
    line: u64,
    line_bytes: usize,
    emitted: u64,
    max_row_bytes: usize,
    row_start: Arc<RowStart>,
}

impl<R: Read> DecodingReader<R> {
    /// `prefix` are bytes already read from `inner` (the sniffed head, BOM removed).
    pub(crate) fn new(
        inner: R,
        format: SourceFormat,
        prefix: &[u8],
        max_row_bytes: usize,
        row_start: Arc<RowStart>,
    ) -> Self {
        let mut input = vec![0u8; SNIFF_BYTES.max(prefix.len())];
        input[..prefix.len()].copy_from_slice(prefix);
        let decoder = format.decoder();
        let out_cap = decoder
            .max_utf8_buffer_length(input.len())
            .unwrap_or(4 * input.len())
            .max(1024)
            + 1;
        row_start.set(0, 1);
        DecodingReader {
            inner,
            decoder,
            in_len: prefix.len(),
            input,
            in_pos: 0,
            in_eof: false,
            output: vec![0u8; out_cap],
            out_pos: 0,
            out_len: 0,
            finished: false,
            pending_cr: false,
            line: 1,
            line_bytes: 0,
            emitted: 0,
            max_row_bytes,
            row_start,
        }
    }

    fn fill(&mut self) -> io::Result<()> {
        if self.in_pos == self.in_len && !self.in_eof {
            let n = read_retrying(&mut self.inner, &mut self.input)?;
            self.row_start.add_input(n as u64);
            self.in_pos = 0;
            self.in_len = n;
            self.in_eof = n == 0;
        }
        let last = self.in_eof;
        // output[0] is kept free for a CR held back from the previous chunk.
        let (result, read, written, _) = self.decoder.decode_to_utf8(
            &self.input[self.in_pos..self.in_len],
            &mut self.output[1..],
            last,
        );
        self.in_pos += read;
        if last && result == encoding_rs::CoderResult::InputEmpty {
            self.finished = true;
        }
        let mut begin = 1;
        if self.pending_cr && (self.finished || written > 0) {
            self.pending_cr = false;
            if written == 0 || self.output[1] != b'\n' {
                self.output[0] = b'\n';
                begin = 0;
            }
        }
        self.out_len = self.normalise_line_ends(begin, 1 + written)?;
        self.out_pos = begin;
        self.emitted += (self.out_len - begin) as u64;
        let start = self.row_start.byte.load(Ordering::Relaxed);
        if self.emitted.saturating_sub(start) > self.max_row_bytes as u64 + READ_AHEAD_SLACK {
            let line = self.row_start.line.load(Ordering::Relaxed);
            return Err(io::Error::other(Overrun::Row { line }));
        }
        Ok(())
    }

    /// Turns CR LF and a lone CR into LF in `output[begin..end]` (in place), counts lines, and
    /// refuses an overlong line. Returns the new end. The CSV parser then sees only LF, so
    /// its line numbers are right for Windows files (it counts a CR LF row end one line late).
    fn normalise_line_ends(&mut self, begin: usize, end: usize) -> io::Result<usize> {
        let mut w = begin;
        let mut i = begin;
        while i < end {
            let mut b = self.output[i];
            i += 1;
            if b == b'\r' {
                if i == end && !self.finished {
                    self.pending_cr = true;
                    continue;
                }
                if i < end && self.output[i] == b'\n' {
                    continue;
                }
                b = b'\n';
            }
            self.output[w] = b;
            w += 1;
            if b == b'\n' {
                self.line += 1;
                self.line_bytes = 0;
            } else {
                self.line_bytes += 1;
                if self.line_bytes > self.max_row_bytes {
                    return Err(io::Error::other(Overrun::Line { line: self.line }));
                }
            }
        }
        Ok(w)
    }
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.out_pos < self.out_len {
                let n = buf.len().min(self.out_len - self.out_pos);
                buf[..n].copy_from_slice(&self.output[self.out_pos..self.out_pos + n]);
                self.out_pos += n;
                return Ok(n);
            }
            if self.finished {
                return Ok(0);
            }
            self.fill()?;
        }
    }
}

/// Reads as much as is available into `buf`, retrying on interruption.
pub(crate) fn read_retrying<R: Read + ?Sized>(r: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match r.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// Fills `buf` as far as the reader goes (a short count means end of input).
pub(crate) fn read_up_to<R: Read + ?Sized>(r: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        let n = read_retrying(r, &mut buf[filled..])?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    Ok(filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(bytes: &[u8], choice: Encoding) -> (SourceFormat, String) {
        let (format, bom) = detect(bytes, choice, true);
        let mut r = DecodingReader::new(
            &[][..],
            format,
            &bytes[bom..],
            1 << 20,
            Arc::new(RowStart::default()),
        );
        let mut s = String::new();
        r.read_to_string(&mut s).unwrap();
        (format, s)
    }

    #[test]
    fn shift_jis_reads_the_windows_extensions_and_the_backslash_byte() {
        // ① ㈱ 髙 﨑 ～ \ as CP932 writes them.
        let bytes = [
            0x87, 0x40, 0x87, 0x8A, 0xFB, 0xFC, 0xFA, 0xB1, 0x81, 0x60, 0x5C,
        ];
        let (format, text) = decode_all(&bytes, Encoding::ShiftJis);
        assert_eq!(format, SourceFormat::CsvShiftJis);
        assert_eq!(
            text, "①㈱髙﨑～\\",
            "NEC/IBM extensions decode; 0x8160 is ～ (U+FF5E) and 0x5C is a backslash"
        );
    }

    #[test]
    fn auto_detection_prefers_a_bom_then_valid_utf8_then_shift_jis() {
        assert_eq!(
            detect(b"\xEF\xBB\xBFa", Encoding::ShiftJis, true),
            (SourceFormat::CsvUtf8Bom, 3),
            "a BOM wins even over the person's choice"
        );
        assert_eq!(
            detect(b"\xFF\xFEa\0", Encoding::Auto, true).0,
            SourceFormat::CsvUtf16Le
        );
        assert_eq!(
            detect(b"\xFE\xFF\0a", Encoding::Auto, true).0,
            SourceFormat::CsvUtf16Be
        );
        assert_eq!(
            detect("事業所".as_bytes(), Encoding::Auto, true).0,
            SourceFormat::CsvUtf8
        );
        // 事業所 in Shift_JIS
        assert_eq!(
            detect(&[0x8E, 0x96, 0x8B, 0xC6, 0x8F, 0x8A], Encoding::Auto, true).0,
            SourceFormat::CsvShiftJis
        );
        let cut = &"事業所".as_bytes()[..4];
        assert_eq!(
            detect(cut, Encoding::Auto, false).0,
            SourceFormat::CsvUtf8,
            "a character cut at the end of the sniffed chunk is still UTF-8"
        );
    }

    #[test]
    fn encodings_parse_from_the_command_line_words() {
        assert_eq!("sjis".parse::<Encoding>(), Ok(Encoding::ShiftJis));
        assert_eq!("CP932".parse::<Encoding>(), Ok(Encoding::ShiftJis));
        assert_eq!("utf-8".parse::<Encoding>(), Ok(Encoding::Utf8));
        assert_eq!("auto".parse::<Encoding>(), Ok(Encoding::Auto));
        assert!("latin1".parse::<Encoding>().is_err());
        assert_eq!(
            serde_json::to_value(Encoding::ShiftJis).unwrap(),
            "sjis",
            "the JSON form is the CLI word"
        );
    }

    #[test]
    fn utf16_with_a_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "名前,㈱\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let (format, text) = decode_all(&bytes, Encoding::Auto);
        assert_eq!(format, SourceFormat::CsvUtf16Le);
        assert_eq!(text, "名前,㈱\n");
    }

    #[test]
    fn line_ends_become_lf_even_when_a_crlf_is_split_between_reads() {
        // The sniffed prefix ends with CR; the LF comes from the next read.
        let mut r = DecodingReader::new(
            &b"\nb\rc\r\n\r"[..],
            SourceFormat::CsvUtf8,
            b"a\r",
            1 << 20,
            Arc::new(RowStart::default()),
        );
        let mut s = String::new();
        r.read_to_string(&mut s).unwrap();
        assert_eq!(s, "a\nb\nc\n\n", "CR LF and lone CR are LF; a final CR too");
    }

    #[test]
    fn a_line_past_the_limit_stops_the_reader_with_its_number() {
        let mut data = b"a\nb\n".to_vec();
        data.extend(std::iter::repeat_n(b'x', 5000));
        let mut r = DecodingReader::new(
            &data[..],
            SourceFormat::CsvUtf8,
            &[],
            1000,
            Arc::new(RowStart::default()),
        );
        let mut sink = Vec::new();
        let err = r.read_to_end(&mut sink).unwrap_err();
        let overrun = err.get_ref().and_then(|e| e.downcast_ref::<Overrun>());
        assert_eq!(overrun, Some(&Overrun::Line { line: 3 }));
    }
}
