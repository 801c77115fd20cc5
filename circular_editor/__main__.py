from circular_editor.cli import main

raise SystemExit(main())
