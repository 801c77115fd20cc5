"""import / export / list as whole processes, with --db before or after the command and the environment variable."""
import json
import os
import subprocess
import sys

from circular_editor.paths import RESOURCES, example, examples


def run(*args, env_db=None, cwd=None, env=None):
    env = {**os.environ, **(env or {})}
    env.pop("CIRCULAR_EDITOR_DATA", None)
    if env_db:
        env["CIRCULAR_EDITOR_DATA"] = str(env_db)
    return subprocess.run([sys.executable, "-m", "circular_editor", *map(str, args)], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=60)


def test_import_list_export_round_trip(tmp_path):
    db = tmp_path / "db"
    done = run("--db", db, "import", *examples())
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("imported as #") == 3
    listed = run("list", "--db", db, "--search", "الإتحاد الدولى", "--style", "tsb")
    assert listed.returncode == 0 and "TSB\u00a0Circular 92" in listed.stdout and listed.stdout.count("\n") == 1
    out = tmp_path / "one.json"
    assert run("export", "3", "-o", out, env_db=db).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(
        example("tsb-circular-92").read_text(encoding="utf-8"))
    assert run("export", "--all", tmp_path / "all", "--db", db).returncode == 0
    exported = sorted((tmp_path / "all").glob("*.json"))
    assert len(exported) == 3
    again = run("import", *exported, "--db", tmp_path / "fresh")
    assert again.returncode == 0, again.stderr
    for path in exported:
        original = next(p for p in examples()
                        if json.loads(p.read_text(encoding="utf-8")) == json.loads(path.read_text(encoding="utf-8")))
        assert original


def test_a_corrupt_file_on_import_is_reported_and_the_rest_imported(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"format": "itu-circular/1", \xff')
    done = run("import", bad, example("sg-cl-20-025"), "--db", tmp_path / "db")
    assert done.returncode == 2
    assert f"{bad}: not UTF-8" in done.stderr and "Traceback" not in done.stderr
    assert "1 imported, 1 refused" in done.stderr
    assert "CL-20/025" in run("list", "--db", tmp_path / "db").stdout


def test_unknown_id_and_a_store_in_use(tmp_path):
    missing = run("export", "42", "--db", tmp_path / "db")
    assert missing.returncode == 2 and "there is no circular #42" in missing.stderr
    from circular_editor.store import Repository
    with Repository(tmp_path / "db"):
        busy = run("import", example("sg-cl-20-025"), "--db", tmp_path / "db")
        assert busy.returncode == 1 and "is in use by process" in busy.stderr
        assert run("list", "--db", tmp_path / "db").returncode == 0, "reading works while another owns it"


def test_an_unreadable_store_is_reported_and_its_backup_restored(tmp_path):
    db = tmp_path / "db"
    assert run("import", example("sg-cl-20-025"), "--db", db).returncode == 0
    assert run("import", example("bdt-dir-110"), "--db", db).returncode == 0  # this open backs up #1
    shard = db / "circulars-02.json"
    shard.write_text("{", encoding="utf-8")
    broken = run("list", "--db", db)
    assert broken.returncode == 1 and "circulars-02.json cannot be used" in broken.stderr
    assert "circular-editor restore-backup" in broken.stderr and shard.read_text(encoding="utf-8") == "{"
    restored = run("restore-backup", "--db", db)
    assert restored.returncode == 0, restored.stderr
    assert "lost: #2" in restored.stdout, "the circular imported after every backup is said to be lost"
    assert "CL-20/025" in run("list", "--db", db).stdout


def test_a_circular_whose_template_is_not_installed_is_refused_on_import_but_still_exports(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "br.toml").write_text((RESOURCES / "templates" / "bdt.toml").read_text(encoding="utf-8"),
                                    encoding="utf-8")
    source = json.loads(example("bdt-dir-110").read_text(encoding="utf-8"))
    source["style"] = "br"
    path = tmp_path / "br.json"
    path.write_text(json.dumps(source, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "db"
    refused = run("import", path, "--db", db)
    assert refused.returncode == 2 and "style: unknown style 'br' (no template br.toml in" in refused.stderr
    assert run("validate", path).returncode == 2
    with_templates = run("import", path, "--db", db, env={"CIRCULAR_EDITOR_TEMPLATES": str(folder)})
    assert with_templates.returncode == 0, with_templates.stderr
    listed = run("list", "--db", db)  # the bureau's templates are gone again
    assert listed.returncode == 0 and "BDT/DIR/110" in listed.stdout
    exported = run("export", "1", "--db", db)
    assert exported.returncode == 0 and json.loads(exported.stdout) == source
