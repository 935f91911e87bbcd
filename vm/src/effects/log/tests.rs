//! Tests of the log: round trips, block timing, the hand-written decoder against
//! postcard, bounds on hostile input, and every prefix of a log.

use super::writer::write_chunk;
use super::*;
use std::time::Duration;

#[test]
fn crc_of_known_string() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b""), 0);
}

fn header() -> Header {
    Header {
        revpy_version: "0.1.0".into(),
        argv: vec!["p.py".into()],
        script_dir: ".".into(),
        main_source: "print(1)\n".into(),
    }
}

fn rec(i: i64) -> Record {
    Record {
        kind: 0,
        val: Val::Int(i),
    }
}

#[test]
fn round_trip_in_blocks() {
    let buf = MemoryLog::new();
    let mut w = LogWriter::create(Box::new(buf.clone()), &header()).unwrap();
    for i in 0..1100 {
        w.push(rec(i));
    }
    w.finish(&End {
        exit_status: 0,
        stop_points: 5,
        instructions: 9,
        effects: 1100,
    })
    .unwrap();
    let r = Recording::parse(&buf.contents()).unwrap();
    assert_eq!(r.header, header());
    assert_eq!(r.effects.len(), 1100);
    assert_eq!(r.blocks, 3);
    assert_eq!(r.effects[1099], rec(1099));
    assert!(r.is_complete());
    assert_eq!(r.size, w.bytes_written());
}

#[test]
fn flush_block_writes_synchronously() {
    let buf = MemoryLog::new();
    let mut w = LogWriter::create(Box::new(buf.clone()), &header()).unwrap();
    w.push(rec(1));
    w.flush_block().unwrap();
    let r = Recording::parse(&buf.contents()).unwrap();
    assert_eq!(r.effects, vec![rec(1)]);
    assert_eq!(
        r.tail,
        Tail::Truncated {
            at_byte: buf.contents().len() as u64
        }
    );
    // Dropping an unfinished writer keeps what was pushed, without an end record.
    w.push(rec(2));
    drop(w);
    let r = Recording::parse(&buf.contents()).unwrap();
    assert_eq!(r.effects, vec![rec(1), rec(2)]);
    assert!(!r.is_complete());
}

#[test]
fn old_pending_effects_are_written_within_a_second() {
    let buf = MemoryLog::new();
    let mut w = LogWriter::create(Box::new(buf.clone()), &header()).unwrap();
    w.push(rec(7));
    std::thread::sleep(Duration::from_millis(BLOCK_MILLIS + 400));
    let r = Recording::parse(&buf.contents()).unwrap();
    assert_eq!(r.effects, vec![rec(7)]);
    w.finish(&End {
        exit_status: 0,
        stop_points: 0,
        instructions: 0,
        effects: 1,
    })
    .unwrap();
}

/// Values of every shape, as effects log them.
fn sample_vals() -> Vec<Val> {
    vec![
        Val::Unit,
        Val::Bool(false),
        Val::Bool(true),
        Val::Int(0),
        Val::Int(-1),
        Val::Int(i64::MIN),
        Val::Int(i64::MAX),
        Val::Float(-0.0),
        Val::Float(f64::INFINITY),
        Val::Float(1e300),
        Val::Str(String::new()),
        Val::Str("h\u{e9}llo \u{1f600}".into()),
        Val::Bytes(vec![]),
        Val::Bytes((0..=255).collect()),
        Val::None,
        Val::Err(2, "No such file or directory".into()),
        Val::Err(i32::MIN, String::new()),
        Val::Err(i32::MAX, "x".repeat(300)),
        Val::List(vec![]),
        Val::List(vec![
            Val::Int(3),
            Val::List(vec![Val::Str("a".into()), Val::List(vec![Val::None])]),
        ]),
    ]
}

#[test]
fn the_block_decoder_reads_what_postcard_writes() {
    let mut recs: Vec<Record> = sample_vals()
        .into_iter()
        .enumerate()
        .map(|(i, val)| Record {
            kind: (i * 3000) as u16,
            val,
        })
        .collect();
    recs.push(Record {
        kind: u16::MAX,
        val: Val::Unit,
    });
    let bytes = encode(&recs);
    assert_eq!(decode_block(&bytes, 0).unwrap(), recs);
    // ...and agrees with postcard on every prefix and every byte flip: both
    // accept (the same records) or both refuse.
    for cut in 0..bytes.len() {
        assert!(decode_block(&bytes[..cut], 0).is_err());
    }
    for at in 0..bytes.len() {
        for bit in [0x01, 0x40, 0x80] {
            let mut b = bytes.clone();
            b[at] ^= bit;
            let ours = decode_block(&b, 0).ok();
            let theirs = decode::<Vec<Record>>(&b).ok();
            let same = match (&ours, &theirs) {
                // NaN != NaN: compare the bytes they re-encode to.
                (Some(a), Some(b)) => encode(a) == encode(b),
                (None, None) => true,
                _ => false,
            };
            assert!(same, "flip {bit:#x} at {at}: {ours:?} vs {theirs:?}");
        }
    }
}

#[test]
fn nesting_and_lengths_are_bounded() {
    // One record (kind 2) whose value is a list nested `depth` deep around None.
    let nested = |depth: usize| {
        let mut b = vec![1u8, 2];
        for _ in 0..depth {
            b.extend_from_slice(&[8, 1]);
        }
        b.push(6);
        b
    };
    let ok = decode_block(&nested(MAX_VAL_DEPTH), 0).unwrap();
    assert_eq!(ok.len(), 1);
    let e = decode_block(&nested(MAX_VAL_DEPTH + 1), 7).unwrap_err();
    assert_eq!(e, "value nested deeper than 1000 levels (effect #7)");
    let e = decode_block(&nested(100_000), 0).unwrap_err();
    assert!(e.starts_with("value nested deeper than 1000 levels"), "{e}");
    // Counts and lengths of 2^60 are refused before anything is allocated.
    let big = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10];
    let mut b = big.to_vec();
    b.push(0);
    let e = decode_block(&b, 0).unwrap_err();
    assert!(
        e.starts_with("a length of 1152921504606846976 at byte 0"),
        "{e}"
    );
    for variant in [4u8, 5, 8] {
        let mut b = vec![1, 0, variant];
        b.extend_from_slice(&big);
        let e = decode_block(&b, 0).unwrap_err();
        assert!(
            e.starts_with("a length of 1152921504606846976 at byte 3"),
            "{e}"
        );
    }
    // A varint longer than its type allows.
    let e = decode_block(&[1, 0x80, 0x80, 0x80, 0x01, 0], 0).unwrap_err();
    assert_eq!(e, "a bad varint at byte 1 of the payload (effect #0)");
}

#[test]
fn a_deeply_nested_value_makes_the_tail_corrupt() {
    let buf = MemoryLog::new();
    let mut w = LogWriter::create(Box::new(buf.clone()), &header()).unwrap();
    w.push(rec(1));
    w.flush_block().unwrap();
    drop(w);
    let mut data = buf.contents();
    let mut payload = vec![1u8, 2];
    for _ in 0..100_000 {
        payload.extend_from_slice(&[8, 1]);
    }
    payload.push(6);
    let at = data.len();
    write_chunk(&mut data, TAG_BLOCK, &payload).unwrap();
    let r = Recording::parse(&data).unwrap();
    assert_eq!(r.effects, vec![rec(1)]);
    assert_eq!(
        r.tail,
        Tail::Corrupt {
            at_byte: at as u64,
            what: "block 1: value nested deeper than 1000 levels (effect #1)".into()
        }
    );
}

#[test]
fn every_prefix_parses_without_panicking() {
    let buf = MemoryLog::new();
    let mut w = LogWriter::create(Box::new(buf.clone()), &header()).unwrap();
    for i in 0..600 {
        w.push(Record {
            kind: 4,
            val: Val::List(vec![Val::Str(format!("{i}")), Val::Float(0.5)]),
        });
    }
    w.finish(&End {
        exit_status: 1,
        stop_points: 2,
        instructions: 3,
        effects: 600,
    })
    .unwrap();
    let data = buf.contents();
    for cut in 0..data.len() {
        let _ = Recording::parse(&data[..cut]);
        let mut flipped = data.clone();
        flipped[cut] ^= 0x40;
        let r = Recording::parse(&flipped);
        assert!(
            !matches!(
                r,
                Ok(Recording {
                    tail: Tail::Complete(_),
                    ..
                })
            ),
            "flip at {cut} undetected"
        );
    }
}
