//! What the streamed reports share: JSON arrays written one element at a time with the
//! exact layout of `serde_json`'s pretty printer, and a spill that keeps a section
//! which must come later in the report (JSON findings after the list of files, SARIF
//! results after the artifacts) in memory while it is small, in an anonymous temporary
//! file beyond.
//!
//! Both JSON and SARIF name every checked file before they list the findings: keeping
//! the findings of a whole archive in memory until the list of files is closed would
//! make memory grow with the archive. The spill keeps it flat.

use std::io::{self, Read, Seek, Write};

use serde::Serialize;

/// Beyond this many bytes, a spill moves to a temporary file (one post never does).
const SPILL_IN_MEMORY: usize = 1 << 20;

/// A JSON array written element by element, as `serde_json::to_string_pretty` lays it
/// out at `depth` (the depth of the array's elements: 2 for a field of the top-level
/// object).
pub struct Array {
    depth: usize,
    len: usize,
}

impl Array {
    pub fn new(depth: usize) -> Array {
        Array { depth, len: 0 }
    }

    /// Appends one element, already pretty-printed at depth 0 (see [`pretty`]).
    pub fn push(&mut self, out: &mut dyn Write, element: &str) -> io::Result<()> {
        out.write_all(if self.len == 0 { b"[\n" } else { b",\n" })?;
        self.len += 1;
        write_indented(out, element, self.depth)
    }

    /// Closes the array (`[]` when it holds nothing).
    pub fn close(self, out: &mut dyn Write) -> io::Result<()> {
        if self.len == 0 {
            return out.write_all(b"[]");
        }
        out.write_all(b"\n")?;
        write_indent(out, self.depth - 1)?;
        out.write_all(b"]")
    }
}

/// A value pretty-printed as `serde_json` does, at depth 0.
pub fn pretty(value: &impl Serialize) -> String {
    serde_json::to_string_pretty(value).expect("report values serialize")
}

/// Writes `text` (pretty JSON) indented by `depth` levels: JSON strings hold no raw line
/// break, so every line break of the text is one of the layout's.
fn write_indented(out: &mut dyn Write, text: &str, depth: usize) -> io::Result<()> {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        write_indent(out, depth)?;
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

fn write_indent(out: &mut dyn Write, depth: usize) -> io::Result<()> {
    const SPACES: &[u8] = &[b' '; 64];
    let mut n = 2 * depth;
    while n > 0 {
        let k = n.min(SPACES.len());
        out.write_all(&SPACES[..k])?;
        n -= k;
    }
    Ok(())
}

/// A skeleton of a whole report, pretty-printed with markers where the streamed arrays
/// go: the text around the markers is written as it is.
pub struct Skeleton(String);

impl Skeleton {
    pub fn new(value: &impl Serialize) -> Skeleton {
        Skeleton(pretty(value))
    }

    /// The text before `marker`, after `after` if given, else from the start.
    pub fn between(&self, after: Option<&str>, marker: &str) -> &str {
        let from = after.map_or(0, |a| self.end_of(a));
        let to = self.start_of(marker);
        &self.0[from..to]
    }

    /// The text after `marker` to the end, with the final line break of a report.
    pub fn after(&self, marker: &str) -> &str {
        &self.0[self.end_of(marker)..]
    }

    fn start_of(&self, marker: &str) -> usize {
        self.0
            .find(&quoted(marker))
            .expect("the skeleton holds its markers")
    }

    fn end_of(&self, marker: &str) -> usize {
        self.start_of(marker) + quoted(marker).len()
    }
}

/// A marker as the skeleton's JSON shows it.
fn quoted(marker: &str) -> String {
    serde_json::to_string(marker).expect("a string serializes")
}

/// A section written now, read back at the end of the run.
#[derive(Default)]
pub struct Spill {
    memory: Vec<u8>,
    file: Option<io::BufWriter<std::fs::File>>,
}

impl Write for Spill {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some(file) = &mut self.file {
            return file.write(buf);
        }
        if self.memory.len() + buf.len() > SPILL_IN_MEMORY {
            let mut file = io::BufWriter::with_capacity(64 * 1024, tempfile::tempfile()?);
            file.write_all(&self.memory)?;
            self.memory = Vec::new();
            let n = file.write(buf)?;
            self.file = Some(file);
            return Ok(n);
        }
        self.memory.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Spill {
    /// Copies everything written to `out`.
    pub fn copy_to(self, out: &mut dyn Write) -> io::Result<()> {
        match self.file {
            None => out.write_all(&self.memory),
            Some(file) => {
                let mut file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
                file.rewind()?;
                let mut buf = vec![0; 64 * 1024];
                loop {
                    let n = file.read(&mut buf)?;
                    if n == 0 {
                        return Ok(());
                    }
                    out.write_all(&buf[..n])?;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn arrays_match_the_pretty_printer() {
        let elements = [json!({"a": 1, "b": [1, 2]}), json!({"c": {"d": "e\nf"}})];
        for n in 0..=2 {
            let whole = json!({"x": 1, "list": &elements[..n], "z": {"y": []}});
            let skeleton = Skeleton::new(&json!({"x": 1, "list": "\u{1}L", "z": {"y": []}}));
            let mut out = Vec::new();
            out.write_all(skeleton.between(None, "\u{1}L").as_bytes())
                .unwrap();
            let mut array = Array::new(2);
            for e in &elements[..n] {
                array.push(&mut out, &pretty(e)).unwrap();
            }
            array.close(&mut out).unwrap();
            out.write_all(skeleton.after("\u{1}L").as_bytes()).unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string_pretty(&whole).unwrap()
            );
        }
    }

    #[test]
    fn a_large_spill_goes_through_a_file_and_comes_back_whole() {
        let mut spill = Spill::default();
        let chunk = vec![b'x'; 300 * 1024];
        for _ in 0..5 {
            spill.write_all(&chunk).unwrap();
        }
        assert!(spill.file.is_some());
        let mut out = Vec::new();
        spill.copy_to(&mut out).unwrap();
        assert_eq!(out.len(), 5 * chunk.len());
    }
}
