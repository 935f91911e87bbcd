// The VS Code extension (editors/vscode) loaded with a stand-in for the `vscode`
// module: it registers the `revpy` debug type, starts `revpy dap` with the
// configured path, and fills a configuration for F5 on a Python file.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const Module = require('node:module');

const EXT = path.resolve(__dirname, '../../editors/vscode');

function fakeVscode(settings, editor) {
  const registered = {};
  class DebugAdapterExecutable {
    constructor(command, args) {
      this.command = command;
      this.args = args;
    }
  }
  return {
    registered,
    DebugAdapterExecutable,
    workspace: { getConfiguration: (section) => ({ get: (k) => settings[`${section}.${k}`] }) },
    window: { activeTextEditor: editor, showInformationMessage: async () => undefined },
    debug: {
      registerDebugAdapterDescriptorFactory: (type, f) => { registered[`factory:${type}`] = f; return {}; },
      registerDebugConfigurationProvider: (type, p) => { registered[`provider:${type}`] = p; return {}; },
    },
  };
}

function load(vscode) {
  const orig = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? vscode : orig.call(this, request, ...rest);
  };
  try {
    delete require.cache[require.resolve(path.join(EXT, 'extension.js'))];
    return require(path.join(EXT, 'extension.js'));
  } finally {
    Module._load = orig;
  }
}

test('the extension starts `revpy dap` for the revpy debug type', async () => {
  const pkg = require(path.join(EXT, 'package.json'));
  assert.equal(pkg.main, './extension.js');
  assert.equal(pkg.contributes.debuggers[0].type, 'revpy');
  assert.ok(pkg.contributes.configuration.properties['revpy.path']);
  const launch = pkg.contributes.debuggers[0].configurationAttributes.launch.properties;
  for (const k of ['program', 'args', 'cwd', 'recording', 'stopOnEntry']) assert.ok(launch[k], k);

  const vscode = fakeVscode({ 'revpy.path': '/opt/revpy' },
    { document: { languageId: 'python' } });
  const ext = load(vscode);
  ext.activate({ subscriptions: [] });
  const exe = vscode.registered['factory:revpy'].createDebugAdapterDescriptor();
  assert.equal(exe.command, '/opt/revpy');
  assert.deepEqual(exe.args, ['dap']);

  const provider = vscode.registered['provider:revpy'];
  const f5 = await provider.resolveDebugConfiguration({ uri: { fsPath: '/work' } }, {});
  assert.equal(f5.type, 'revpy');
  assert.equal(f5.program, '${file}');
  assert.equal(f5.cwd, '/work');
  const rec = await provider.resolveDebugConfiguration(undefined, { type: 'revpy', request: 'launch', name: 'r', recording: 'x.revlog' });
  assert.equal(rec.recording, 'x.revlog');
  const none = await provider.resolveDebugConfiguration(undefined, { type: 'revpy', request: 'launch', name: 'n' });
  assert.equal(none, undefined);
});
