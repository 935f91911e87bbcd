// The revpy debugger for VS Code: starts `revpy dap` (a Debug Adapter Protocol
// server over stdin/stdout) for debug sessions of type "revpy".
'use strict';

const vscode = require('vscode');

/** The revpy executable, from the `revpy.path` setting. */
function revpyPath() {
  return vscode.workspace.getConfiguration('revpy').get('path') || 'revpy';
}

class Factory {
  createDebugAdapterDescriptor() {
    return new vscode.DebugAdapterExecutable(revpyPath(), ['dap']);
  }
}

class Configurations {
  // F5 with no launch.json: record and debug the Python file in the editor.
  resolveDebugConfiguration(folder, config) {
    if (!config.type && !config.request && !config.name) {
      const editor = vscode.window.activeTextEditor;
      if (editor && editor.document.languageId === 'python') {
        config.type = 'revpy';
        config.request = 'launch';
        config.name = 'revpy: record and debug the current file';
        config.program = '${file}';
        config.stopOnEntry = true;
      }
    }
    if (!config.program && !config.recording) {
      return vscode.window
        .showInformationMessage('revpy: set "program" (a script) or "recording" (a .revlog) in the launch configuration.')
        .then(() => undefined);
    }
    if (!config.cwd && folder) {
      config.cwd = folder.uri.fsPath;
    }
    return config;
  }
}

function activate(context) {
  context.subscriptions.push(
    vscode.debug.registerDebugAdapterDescriptorFactory('revpy', new Factory()),
    vscode.debug.registerDebugConfigurationProvider('revpy', new Configurations()),
  );
}

function deactivate() {}

module.exports = { activate, deactivate };
