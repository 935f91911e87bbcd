// A real Debug Adapter Protocol client (@vscode/debugadapter-testsupport's
// DebugClient, what VS Code's own adapters are tested with) driving `revpy dap`
// through whole reverse debugging sessions. Run with `node --test` in this
// directory after `npm ci` (the `revpy` binary: $REVPY, or target/debug/revpy).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const cp = require('node:child_process');
const { DebugClient } = require('@vscode/debugadapter-testsupport');

const REVPY = process.env.REVPY || path.resolve(__dirname, '../../target/debug/revpy');
const PROGRAM = path.join(__dirname, 'program.py');
const SLOW = path.join(__dirname, 'slow.py');
const SOURCE = fs.readFileSync(PROGRAM, 'utf8').split('\n');
const TIMEOUT = 60000;

/** The line (from 1) of the program whose text contains `text`. */
function lineOf(text) {
  const i = SOURCE.findIndex((l) => l.includes(text));
  assert.notEqual(i, -1, `no line with ${text}`);
  return i + 1;
}

/** A client on a new `revpy dap`, with every output event kept. */
async function client() {
  const dc = new DebugClient(REVPY, 'dap', 'revpy', { stdio: ['pipe', 'pipe', 'pipe'] });
  dc.defaultTimeout = TIMEOUT;
  dc.outputs = [];
  dc.on('output', (e) => dc.outputs.push(e.body));
  await dc.start();
  return dc;
}

/** Send a request and wait for the `stopped` event that follows it. */
async function stopAfter(dc, request) {
  const [, ev] = await Promise.all([request(), dc.waitForEvent('stopped')]);
  return ev.body;
}

/** The top frame now. */
async function top(dc) {
  const st = await dc.stackTraceRequest({ threadId: 1 });
  return st.body.stackFrames[0];
}

/** The time in a stopped event's description (`... (time N)`). */
function timeOf(stopped) {
  const m = /time (\d+)/.exec(stopped.description);
  assert.ok(m, `no time in ${stopped.description}`);
  return Number(m[1]);
}

/** The variables of a reference, by name. */
async function vars(dc, ref, extra = {}) {
  const r = await dc.variablesRequest({ variablesReference: ref, ...extra });
  return Object.fromEntries(r.body.variables.map((v) => [v.name, v]));
}

async function evaluate(dc, expression, frameId, context = 'repl') {
  const r = await dc.evaluateRequest({ expression, frameId, context });
  return r.body;
}

/** Disconnect (unless done already) and stop the adapter. */
async function close(dc) {
  if (dc.closed) {
    dc.stopAdapter();
  } else {
    await dc.stop();
  }
}

async function launched(dc, args) {
  const init = await dc.initializeRequest();
  const [, launch] = await Promise.all([dc.waitForEvent('initialized'), dc.launchRequest(args)]);
  assert.equal(launch.success, true);
  return init.body;
}

test('a whole reverse debugging session', { timeout: 5 * TIMEOUT }, async () => {
  const dc = await client();
  try {
    const caps = await launched(dc, { program: PROGRAM, cwd: __dirname, stopOnEntry: true });
    for (const c of ['supportsStepBack', 'supportsDataBreakpoints', 'supportsLogPoints',
      'supportsConditionalBreakpoints', 'supportsHitConditionalBreakpoints',
      'supportsFunctionBreakpoints', 'supportsEvaluateForHovers', 'supportsExceptionInfoRequest',
      'supportsGotoTargetsRequest', 'supportsRestartRequest', 'supportsConfigurationDoneRequest']) {
      assert.equal(caps[c], true, c);
    }
    assert.equal(caps.supportsSetVariable, false);
    assert.deepEqual(caps.exceptionBreakpointFilters.map((f) => f.filter), ['raised', 'uncaught']);
    // The program ran once, recorded; its output reached the client.
    const stdout = dc.outputs.filter((o) => o.category === 'stdout').map((o) => o.output).join('');
    assert.match(stdout, /balance 10\nbalance 20\nbalance 40\nbalance 70\nbalance 110\n/);
    assert.match(stdout, /done 5/);

    // A conditional breakpoint, a retroactive logpoint, a line with no code.
    const deposit = lineOf('self.balance += amount');
    const printed = lineOf('print("balance"');
    const bps = await dc.setBreakpointsRequest({
      source: { path: PROGRAM },
      breakpoints: [
        { line: deposit, condition: 'amount == 20' },
        { line: printed, logMessage: 'i={i} balance={acct.balance}' },
        { line: 2000 },
      ],
    });
    const [bp, logpoint, nowhere] = bps.body.breakpoints;
    assert.equal(bp.verified, true);
    assert.equal(logpoint.verified, true);
    assert.equal(nowhere.verified, false);
    assert.match(nowhere.message, /no code/);
    // The logpoint printed every time its line ran in the whole recording.
    const logged = dc.outputs.filter((o) => o.category === 'console' && /^\[\d+\] i=/.test(o.output));
    assert.deepEqual(logged.map((o) => o.output.replace(/^\[\d+\] /, '')), [
      'i=0 balance=10\n', 'i=1 balance=20\n', 'i=2 balance=40\n', 'i=3 balance=70\n', 'i=4 balance=110\n',
    ]);
    assert.equal(logged[0].line, printed);
    // Sent again unchanged (as editors do when another breakpoint changes): not printed again.
    const again = await dc.setBreakpointsRequest({
      source: { path: PROGRAM },
      breakpoints: [{ line: deposit, condition: 'amount == 20' }, { line: printed, logMessage: 'i={i} balance={acct.balance}' }],
    });
    assert.equal(again.body.breakpoints[1].message, 'logged 5 times in the recording');
    const isLog = (o) => o.category === 'console' && /^\[\d+\] i=/.test(o.output);
    assert.equal(dc.outputs.filter(isLog).length, 5);
    await dc.setExceptionBreakpointsRequest({ filters: [] });

    let ev = await stopAfter(dc, () => dc.configurationDoneRequest());
    assert.equal(ev.reason, 'entry');
    assert.equal((await top(dc)).line, 2);

    // Forward to the breakpoint: the third deposit.
    ev = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(ev.reason, 'breakpoint');
    assert.deepEqual(ev.hitBreakpointIds, [again.body.breakpoints[0].id]);
    const hitTime = timeOf(ev);
    const st = await dc.stackTraceRequest({ threadId: 1 });
    const [frame, caller] = st.body.stackFrames;
    assert.equal(st.body.totalFrames, 2);
    assert.equal(frame.name, 'Account.deposit');
    assert.equal(frame.line, deposit);
    assert.equal(frame.source.path, PROGRAM);
    assert.equal(caller.name, '<module>');
    assert.equal(caller.line, lineOf('acct.deposit(i * 10)'));
    const threads = await dc.threadsRequest();
    assert.equal(threads.body.threads.length, 1);

    // Scopes and variables: self expands to its attributes.
    const scopes = (await dc.scopesRequest({ frameId: frame.id })).body.scopes;
    assert.deepEqual(scopes.map((s) => s.name), ['Locals', 'Globals']);
    const locals = await vars(dc, scopes[0].variablesReference);
    assert.equal(locals.amount.value, '20');
    assert.equal(locals.self.type, 'Account');
    const self = await vars(dc, locals.self.variablesReference);
    assert.equal(self.balance.value, '20');
    assert.equal(self.owner.value, "'ann'");
    const globals = await vars(dc, scopes[1].variablesReference);
    assert.equal(globals.i.value, '2');
    assert.equal(globals.history.value, '[10, 20]');

    // Evaluate: hover, REPL (a program object gets an anchor), a statement
    // whose effect vanishes when time moves.
    assert.equal((await evaluate(dc, 'self.balance + amount', frame.id, 'hover')).result, '40');
    const anchored = await evaluate(dc, 'self', frame.id);
    assert.match(anchored.result, /^\$0 = <__main__\.Account object at 0x[0-9a-f]+>$/);
    assert.ok(anchored.variablesReference > 0);
    assert.equal((await evaluate(dc, 'self.balance = 999', frame.id)).result, '');
    assert.equal((await evaluate(dc, '$0.balance', frame.id, 'watch')).result, '999');
    await assert.rejects(evaluate(dc, 'open("x", "w")', frame.id), /./);
    await assert.rejects(evaluate(dc, 'undefined_name', frame.id), /NameError/);
    ev = await stopAfter(dc, () => dc.nextRequest({ threadId: 1 }));
    assert.equal(ev.reason, 'step');
    assert.equal(timeOf(ev), hitTime + 1);
    let f = await top(dc);
    assert.equal(f.line, lineOf('return self.balance'));
    assert.equal((await evaluate(dc, 'self.balance', f.id)).result, '40');

    // A data breakpoint on self.balance, hit backward on the lines that changed
    // it. (Variables references last until time moves: the view asks anew.)
    await assert.rejects(vars(dc, locals.self.variablesReference), /no variables reference/);
    const scopesNow = (await dc.scopesRequest({ frameId: f.id })).body.scopes;
    const selfNow = (await vars(dc, scopesNow[0].variablesReference)).self;
    const info = await dc.dataBreakpointInfoRequest({ variablesReference: selfNow.variablesReference, name: 'balance' });
    assert.ok(info.body.dataId, info.body.description);
    assert.deepEqual(info.body.accessTypes, ['write']);
    const dbp = (await dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: info.body.dataId }] })).body.breakpoints[0];
    assert.equal(dbp.verified, true);
    await dc.setBreakpointsRequest({ source: { path: PROGRAM }, breakpoints: [] });
    ev = await stopAfter(dc, () => dc.reverseContinueRequest({ threadId: 1 }));
    assert.equal(ev.reason, 'data breakpoint');
    assert.deepEqual(ev.hitBreakpointIds, [dbp.id]);
    assert.match(ev.text, /20 -> 40/);
    assert.equal((await top(dc)).line, deposit);
    ev = await stopAfter(dc, () => dc.reverseContinueRequest({ threadId: 1 }));
    assert.equal(ev.reason, 'data breakpoint');
    assert.match(ev.text, /10 -> 20/);
    f = await top(dc);
    assert.equal(f.line, deposit);
    assert.equal((await evaluate(dc, 'amount', f.id)).result, '10');
    // Forward again: the first stop after the next change.
    ev = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(ev.reason, 'data breakpoint');
    assert.match(ev.text, /10 -> 20/);
    // The same watch through an expression of the module frame.
    const st2 = await dc.stackTraceRequest({ threadId: 1 });
    const modFrame = st2.body.stackFrames[st2.body.totalFrames - 1];
    const info2 = await dc.dataBreakpointInfoRequest({ name: 'acct.balance', frameId: modFrame.id });
    assert.match(info2.body.dataId, /^e:\$\d+\.balance$/);
    await dc.setDataBreakpointsRequest({ breakpoints: [] });

    // stepBack and stepOut.
    const before = timeOf(await stopAfter(dc, () => dc.stepBackRequest({ threadId: 1 })));
    const back = await stopAfter(dc, () => dc.stepBackRequest({ threadId: 1 }));
    assert.ok(timeOf(back) < before);
    await stopAfter(dc, () => dc.stepInRequest({ threadId: 1 }));
    ev = await stopAfter(dc, () => dc.stepOutRequest({ threadId: 1 }));
    assert.equal(ev.reason, 'step');

    // An exception breakpoint: where the ValueError is raised, then back to it.
    await dc.setExceptionBreakpointsRequest({ filters: [], filterOptions: [{ filterId: 'raised', condition: 'ValueError' }] });
    ev = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(ev.reason, 'exception');
    assert.match(ev.text, /ValueError: too rich: 210/);
    f = await top(dc);
    assert.equal(f.line, lineOf('raise ValueError'));
    const exc = await dc.exceptionInfoRequest({ threadId: 1 });
    assert.equal(exc.body.exceptionId, 'ValueError');
    assert.equal(exc.body.details.message, 'too rich: 210');
    assert.equal(exc.body.breakMode, 'always');
    ev = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(ev.reason, 'step');
    assert.equal(ev.description, 'end of the recording');
    ev = await stopAfter(dc, () => dc.reverseContinueRequest({ threadId: 1 }));
    assert.equal(ev.reason, 'exception');
    assert.equal((await top(dc)).line, lineOf('raise ValueError'));
    await dc.setExceptionBreakpointsRequest({ filters: [] });

    // A hit condition: the 4th deposit, known both ways.
    await dc.setBreakpointsRequest({ source: { path: PROGRAM }, breakpoints: [{ line: deposit, hitCondition: '4' }] });
    ev = await stopAfter(dc, () => dc.reverseContinueRequest({ threadId: 1 }));
    assert.equal(ev.reason, 'breakpoint');
    f = await top(dc);
    assert.equal(f.line, deposit);
    assert.equal((await evaluate(dc, 'amount', f.id)).result, '30');
    ev = await stopAfter(dc, () => dc.reverseContinueRequest({ threadId: 1 }));
    assert.equal(ev.description, 'start of the recording');
    ev = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(ev.reason, 'breakpoint');
    assert.equal((await evaluate(dc, 'amount', (await top(dc)).id)).result, '30');
    await dc.setBreakpointsRequest({ source: { path: PROGRAM }, breakpoints: [] });

    // Function breakpoints.
    const fb = await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'check' }, { name: 'nope' }] });
    assert.equal(fb.body.breakpoints[0].verified, true);
    assert.equal(fb.body.breakpoints[1].verified, false);
    ev = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(ev.reason, 'breakpoint');
    assert.equal((await top(dc)).name, 'check');
    await dc.setFunctionBreakpointsRequest({ breakpoints: [] });

    // Goto targets: the times a line ran; goto one of them.
    const targets = (await dc.gotoTargetsRequest({ source: { path: PROGRAM }, line: printed })).body.targets;
    assert.equal(targets.length, 5);
    const first = Math.min(...targets.map((t) => t.id));
    ev = await stopAfter(dc, () => dc.gotoRequest({ threadId: 1, targetId: first }));
    assert.equal(ev.reason, 'goto');
    assert.equal(timeOf(ev), first);
    f = await top(dc);
    assert.equal(f.line, printed);
    assert.equal((await evaluate(dc, 'i', f.id)).result, '0');

    // A local variable of one call, watched both ways (set up at the time it
    // was asked about, after time moved).
    await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'total' }] });
    ev = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal((await top(dc)).name, 'total');
    await dc.setFunctionBreakpointsRequest({ breakpoints: [] });
    await stopAfter(dc, () => dc.nextRequest({ threadId: 1 }));
    f = await top(dc);
    const totalLocals = (await dc.scopesRequest({ frameId: f.id })).body.scopes[0];
    const sInfo = await dc.dataBreakpointInfoRequest({ variablesReference: totalLocals.variablesReference, name: 's' });
    assert.match(sInfo.body.dataId, /^l:/);
    assert.equal(sInfo.body.description, 's (local of total)');
    await stopAfter(dc, () => dc.nextRequest({ threadId: 1 }));
    await dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: sInfo.body.dataId }] });
    ev = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(ev.reason, 'data breakpoint');
    assert.equal(ev.text, 's: 0 -> 10');
    ev = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(ev.text, 's: 10 -> 30');
    ev = await stopAfter(dc, () => dc.reverseContinueRequest({ threadId: 1 }));
    assert.equal(ev.reason, 'data breakpoint');
    assert.equal(ev.text, 's: 10 -> 30');
    assert.equal((await top(dc)).line, lineOf('s += v'));
    await dc.setDataBreakpointsRequest({ breakpoints: [] });
    // Step out lands in the caller (after the function's return).
    ev = await stopAfter(dc, () => dc.stepOutRequest({ threadId: 1 }));
    f = await top(dc);
    assert.equal(f.name, '<module>');
    assert.equal(f.line, lineOf('print("done"'));

    // The end of the recording: a stop (reverse motion stays possible), not the end of the session.
    ev = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(ev.reason, 'step');
    assert.equal(ev.description, 'end of the recording');
    assert.match(ev.text, /exit status 0/);
    ev = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(ev.description, 'end of the recording');
    const end = await top(dc);
    // Containers expand, paged.
    const data = await evaluate(dc, 'data', end.id);
    const items = await vars(dc, data.variablesReference);
    assert.deepEqual(Object.keys(items), ["'a'", "'b'", "'s'", "'n'"]);
    assert.equal(items["'n'"].indexedVariables, 250);
    const page = await vars(dc, items["'n'"].variablesReference, { filter: 'indexed', start: 100, count: 3 });
    assert.deepEqual(Object.keys(page), ['100', '101', '102']);
    assert.equal(page['101'].value, '101');
    assert.equal((await vars(dc, items["'b'"].variablesReference))['1'].value, '5');
    assert.equal((await vars(dc, items["'s'"].variablesReference))['0'].value, '6');
    ev = await stopAfter(dc, () => dc.stepBackRequest({ threadId: 1 }));
    assert.equal(ev.reason, 'step');
    assert.notEqual(ev.description, 'end of the recording');
    assert.equal((await top(dc)).line, lineOf('print("done"'));

    const [terminated] = await Promise.all([dc.waitForEvent('terminated'), dc.disconnectRequest({})]);
    assert.equal(terminated.event, 'terminated');
    dc.closed = true;
  } finally {
    await close(dc);
  }
});

test('errors are answered, never a crash', { timeout: TIMEOUT }, async () => {
  const dc = await client();
  try {
    await dc.initializeRequest();
    await assert.rejects(dc.customRequest('frobnicate', {}), /unknown command 'frobnicate'/);
    await assert.rejects(dc.stackTraceRequest({ threadId: 1 }), /launch one first/);
    await assert.rejects(dc.launchRequest({}), /missing argument 'program'/);
    await assert.rejects(dc.launchRequest({ recording: '/nonexistent/x.revlog' }), /cannot open the recording/);
    await assert.rejects(dc.launchRequest({ program: path.join(__dirname, 'missing.py') }), /could not record/);
    const [, launch] = await Promise.all([dc.waitForEvent('initialized'), dc.launchRequest({ program: PROGRAM })]);
    assert.equal(launch.success, true);
    await assert.rejects(dc.setBreakpointsRequest({ breakpoints: [] }), /missing argument 'source'/);
    await assert.rejects(dc.scopesRequest({ frameId: 'x' }), /'frameId' must be an integer/);
    await assert.rejects(dc.variablesRequest({ variablesReference: 12345 }), /no variables reference/);
    await assert.rejects(dc.gotoRequest({ threadId: 1, targetId: 0 }), /times start at 1/);
    // Still alive and answering.
    const threads = await dc.threadsRequest();
    assert.equal(threads.body.threads[0].id, 1);
  } finally {
    await dc.stop();
  }
});

test('a recording: its output as time reaches it, pause interrupts a search, restart', { timeout: 5 * TIMEOUT }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'revpy-dap-test-'));
  try {
    const log = path.join(dir, 'slow.revlog');
    cp.execFileSync(REVPY, ['record', '-o', log, SLOW], { stdio: 'ignore' });
    const dc = await client();
    try {
      await launched(dc, { recording: log, cwd: __dirname, stopOnEntry: true });
      let ev = await stopAfter(dc, () => dc.configurationDoneRequest());
      assert.equal(ev.reason, 'entry');
      // A condition that never holds on the loop's line: continue checks it at
      // every one of millions of stops.
      const line = 4;
      const bp = await dc.setBreakpointsRequest({ source: { path: SLOW }, breakpoints: [{ line, condition: 'i < 0' }] });
      assert.equal(bp.body.breakpoints[0].verified, true);
      const started = Date.now();
      const stopped = dc.waitForEvent('stopped');
      await dc.continueRequest({ threadId: 1 });
      await new Promise((r) => setTimeout(r, 300));
      await dc.pauseRequest({ threadId: 1 });
      ev = (await stopped).body;
      assert.equal(ev.reason, 'pause');
      assert.ok(Date.now() - started < TIMEOUT);
      // Interrupted: back where the search started.
      assert.equal((await top(dc)).line, 2);
      assert.equal(dc.outputs.filter((o) => o.category === 'stdout').length, 0);
      // Without breakpoints, to the end: the program's output arrives now.
      await dc.setBreakpointsRequest({ source: { path: SLOW }, breakpoints: [] });
      ev = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(ev.description, 'end of the recording');
      const out = dc.outputs.filter((o) => o.category === 'stdout').map((o) => o.output).join('');
      assert.equal(out, 'total 4499998500000\n');
      // Restart: the same recording, from the entry.
      ev = await stopAfter(dc, () => dc.restartRequest({}));
      assert.equal(ev.reason, 'entry');
      assert.equal((await top(dc)).line, 2);
      // A disconnect in the middle of a long search ends it (the whole search
      // takes half a minute in a debug build).
      await dc.setBreakpointsRequest({ source: { path: SLOW }, breakpoints: [{ line, condition: 'i < 0' }] });
      await dc.continueRequest({ threadId: 1 });
      await new Promise((r) => setTimeout(r, 300));
      const t0 = Date.now();
      await Promise.all([dc.waitForEvent('terminated'), dc.disconnectRequest({})]);
      dc.closed = true;
      assert.ok(Date.now() - t0 < 15000, `disconnect took ${Date.now() - t0} ms`);
    } finally {
      await close(dc);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--port serves one client over TCP', { timeout: TIMEOUT }, async () => {
  const server = cp.spawn(REVPY, ['dap', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const port = await new Promise((resolve, reject) => {
      let err = '';
      server.stderr.on('data', (d) => {
        err += d;
        const m = /listening on 127\.0\.0\.1:(\d+)/.exec(err);
        if (m) resolve(Number(m[1]));
      });
      server.on('exit', () => reject(new Error(`revpy dap exited: ${err}`)));
    });
    const dc = new DebugClient(REVPY, 'dap', 'revpy');
    await dc.start(port);
    await launched(dc, { program: PROGRAM, cwd: __dirname });
    const ev = await stopAfter(dc, () => dc.configurationDoneRequest());
    assert.equal(ev.description, 'end of the recording');
    const exited = new Promise((r) => server.on('exit', r));
    await dc.disconnectRequest({});
    dc.closed = true;
    assert.equal(await exited, 0);
  } finally {
    server.kill();
  }
});
