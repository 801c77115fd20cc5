from circular_editor.cli import entry

entry()
