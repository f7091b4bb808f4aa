"""A Ray cluster's job server, as `mtl submit/status/logs/stop` use it.

Token authentication (Ray's `RAY_AUTH_MODE=token`) is Ray's own: the client
sends the token from RAY_AUTH_TOKEN, the file in RAY_AUTH_TOKEN_PATH, or
~/.ray/auth_token. Here a token file can be named explicitly, and a refused
or unreachable server becomes one clear line instead of a traceback.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ray.exceptions import AuthenticationError
from ray.job_submission import JobSubmissionClient

from mtl_platform.config import ConfigError

# Never shipped to the cluster: environments, history, local results.
EXCLUDES = [".venv", ".git", "mlruns", "ray_results", "**/__pycache__"]
TOKEN_HELP = (
    "the cluster uses token authentication: pass --token-file, or set RAY_AUTH_MODE=token and "
    "RAY_AUTH_TOKEN (print it on the head node with `ray get-auth-token`)"
)


class ClusterError(ConfigError):
    """The job server refused or could not be reached; nothing was started."""


@contextmanager
def job_server(address: str | None, token_file: Path | None = None) -> Iterator[JobSubmissionClient]:
    """A client of the job server at `address` (default RAY_API_SERVER_ADDRESS / RAY_ADDRESS),
    sending the token in `token_file` when given."""
    headers = None
    if token_file is not None:
        if not token_file.is_file():
            raise ClusterError(f"--token-file: no such file: {token_file}")
        headers = {"Authorization": f"Bearer {token_file.read_text().strip()}"}  # what Ray's own client sends
    where = address or "RAY_ADDRESS"
    try:
        yield JobSubmissionClient(address, headers=headers)
    except AuthenticationError as exc:
        raise ClusterError(
            f"Ray job server at {where} refused the request ({exc.args[0].splitlines()[0]}); {TOKEN_HELP}"
        ) from None
    except ConnectionError as exc:
        raise ClusterError(
            f"no Ray job server answers at {where}: {exc}; is the cluster up (ray up cluster.yaml)?"
        ) from None
    except RuntimeError as exc:
        if "does not exist" in str(exc):
            raise ClusterError(str(exc).splitlines()[0]) from exc
        raise


def submit_job(client: JobSubmissionClient, command: list[str], working_dir: Path) -> str:
    """Ship `working_dir` and run `command` on the cluster; returns the job id.

    .git is not shipped, so the commit it holds travels in an environment variable."""
    from mtl_platform.tracking.describe import GIT_COMMIT_ENV, git_commit

    runtime_env: dict[str, Any] = {"working_dir": str(working_dir), "excludes": EXCLUDES}
    commit = git_commit(working_dir)
    if commit:
        runtime_env["env_vars"] = {GIT_COMMIT_ENV: commit[0] + ("+dirty" if commit[1] else "")}
    return client.submit_job(entrypoint=shlex.join(command), runtime_env=runtime_env)
