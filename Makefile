# The two commands of the README. Both create .venv/ and install what is missing.
.PHONY: run test lock

run:
	@bash scripts/bootstrap.sh
	@bash scripts/run.sh $(ARGS)

test:
	@bash scripts/bootstrap.sh
	.venv/bin/ruff check .
	QT_QPA_PLATFORM=offscreen .venv/bin/pytest

# Maintainers: refresh the lock file after changing dependencies in pyproject.toml.
lock:
	.venv/bin/pip freeze --exclude-editable | grep -v '^recap.app' > requirements.lock
