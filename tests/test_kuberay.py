"""deploy/kuberay/ against the CRD schemas of the KubeRay release it targets (tests/data/kuberay/SOURCE.md),
and what the platform needs of it: `mtl server` on the head, GPU workers that autoscale, one shared
volume, and a RayJob that runs `mtl train`/`mtl tune` on a job file of this repository. No cluster needed."""

from __future__ import annotations

import copy
import functools
import re
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest
import typer
import yaml

REPO = Path(__file__).resolve().parents[1]
DEPLOY = REPO / "deploy" / "kuberay"
CRDS = Path(__file__).resolve().parent / "data" / "kuberay"
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the CRDs are 0.5-0.7 MB of YAML

# x-kubernetes-* extensions that do not change whether one document is valid: merge semantics of
# lists and maps (for server-side apply), and CEL rules, which the API server evaluates (not checked here).
NO_OP_EXTENSIONS = {
    "x-kubernetes-list-type",
    "x-kubernetes-list-map-keys",
    "x-kubernetes-map-type",
    "x-kubernetes-validations",
}
ADAPTED_EXTENSIONS = {
    "x-kubernetes-int-or-string",
    "x-kubernetes-preserve-unknown-fields",
    "x-kubernetes-embedded-resource",
}


def to_json_schema(node: dict[str, Any]) -> dict[str, Any]:
    """A node of a Kubernetes structural (OpenAPI v3) schema as the JSON Schema the API server applies:

    - `x-kubernetes-int-or-string: true`: an integer or a string, whatever `type` says;
    - `x-kubernetes-preserve-unknown-fields: true`: unknown fields are kept, so no rule on them;
    - any other object with `properties` and no `additionalProperties`: `additionalProperties: false`,
      what strict field validation (kubectl's default, --validate=strict) does with an unknown field:
      reject it (without it the field would be pruned, silently);
    - `nullable: true`: null too;
    - `x-kubernetes-embedded-resource: true`: apiVersion, kind and metadata allowed;
    - the extensions in NO_OP_EXTENSIONS are dropped; any other `x-kubernetes-*` fails, so that a schema
      whose semantics this adapter does not know is not passed as checked.

    Not checked: CEL rules, uniqueness of list-map keys, and formats (int32 ranges, date-time)."""
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "properties":
            out[key] = {name: to_json_schema(sub) for name, sub in value.items()}
        elif key in ("items", "not") or (key == "additionalProperties" and isinstance(value, dict)):
            out[key] = to_json_schema(value)
        elif key in ("anyOf", "allOf", "oneOf"):
            out[key] = [to_json_schema(sub) for sub in value]
        elif key.startswith("x-kubernetes-"):
            if key not in NO_OP_EXTENSIONS | ADAPTED_EXTENSIONS:
                raise ValueError(f"schema extension {key} is not handled by to_json_schema")
        elif key != "nullable":
            out[key] = value
    if node.get("x-kubernetes-int-or-string"):
        out.pop("type", None)
        out["anyOf"] = [{"type": "integer"}, {"type": "string"}]
    if node.get("x-kubernetes-embedded-resource"):
        embedded = out.setdefault("properties", {})
        embedded.setdefault("apiVersion", {"type": "string"})
        embedded.setdefault("kind", {"type": "string"})
        embedded.setdefault("metadata", {"type": "object"})
    if node.get("nullable") and "type" in out:
        out["type"] = [out["type"], "null"]
    open_ended = node.get("x-kubernetes-preserve-unknown-fields") or "additionalProperties" in out
    if "properties" in out and not open_ended:
        out["additionalProperties"] = False
    return out


@functools.cache
def validator(kind: str) -> jsonschema.Draft7Validator:
    """The validator of the vendored CRD of `kind`, version v1."""
    crd = yaml.load((CRDS / f"ray.io_{kind.lower()}s.yaml").read_text(), Loader=Loader)
    assert crd["kind"] == "CustomResourceDefinition" and crd["spec"]["names"]["kind"] == kind
    (v1,) = [version for version in crd["spec"]["versions"] if version["name"] == "v1"]
    schema = to_json_schema(v1["schema"]["openAPIV3Schema"])
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def errors(document: dict[str, Any]) -> list[str]:
    """Every schema violation of a RayCluster or RayJob, as 'path: message'."""
    found = validator(document["kind"]).iter_errors(document)
    return sorted("/".join(map(str, e.absolute_path)) + ": " + e.message for e in found)


@functools.cache
def _documents() -> tuple[tuple[str, dict[str, Any]], ...]:
    found = []
    for path in sorted(DEPLOY.glob("*.yaml")):
        found += [(path.name, doc) for doc in yaml.safe_load_all(path.read_text()) if doc is not None]
    return tuple(found)


def documents() -> list[tuple[str, dict[str, Any]]]:
    """(file, document) for every document of every manifest, each a fresh copy."""
    return copy.deepcopy(list(_documents()))


def the(kind: str, name: str | None = None) -> dict[str, Any]:
    """The one document of `kind` (and `name`) in deploy/kuberay/."""
    (found,) = [d for _, d in documents() if d["kind"] == kind and name in (None, d["metadata"]["name"])]
    return found


def container(pod: dict[str, Any], name: str) -> dict[str, Any]:
    (found,) = [c for c in pod["spec"]["containers"] if c["name"] == name]
    return found


def env(of: dict[str, Any], name: str) -> str:
    (value,) = [e["value"] for e in of.get("env", []) if e["name"] == name]
    return value


def head_pod() -> dict[str, Any]:
    return the("RayCluster")["spec"]["headGroupSpec"]["template"]


def worker_group() -> dict[str, Any]:
    (group,) = the("RayCluster")["spec"]["workerGroupSpecs"]
    return group


def shared_mount(pod: dict[str, Any], name: str) -> str:
    """Where container `name` of `pod` mounts the shared claim."""
    pvc = the("PersistentVolumeClaim")["metadata"]["name"]
    (volume,) = [v["name"] for v in pod["spec"]["volumes"] if v.get("persistentVolumeClaim") == {"claimName": pvc}]
    (path,) = [m["mountPath"] for m in container(pod, name)["volumeMounts"] if m["name"] == volume]
    return path


def cli_params(argv: list[str]) -> dict[str, Any]:
    """`mtl ARGV`'s parsed parameters, by the real CLI's parser (nothing runs): a bad flag fails here."""
    from mtl_platform.cli import app

    assert argv[0] == "mtl", argv
    command = typer.main.get_command(app).commands[argv[1]]
    return command.make_context(argv[1], argv[2:]).params


def test_every_document_is_one_the_deployment_knows():
    kinds = sorted((name, d["apiVersion"], d["kind"]) for name, d in documents())
    assert kinds == [
        ("raycluster.yaml", "ray.io/v1", "RayCluster"),
        ("raycluster.yaml", "v1", "Service"),
        ("rayjob.yaml", "ray.io/v1", "RayJob"),
        ("storage.yaml", "v1", "PersistentVolumeClaim"),
    ]
    for _, document in documents():
        assert re.fullmatch(r"[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?", document["metadata"]["name"])


@pytest.mark.parametrize("kind", ["RayCluster", "RayJob"])
def test_ray_resources_match_the_kuberay_crd_schema(kind):
    assert errors(the(kind)) == []


def _rename(mapping: dict[str, Any], old: str, new: str) -> None:
    mapping[new] = mapping.pop(old)


BROKEN: dict[str, tuple[str, Callable[[dict[str, Any]], None], str, str]] = {
    # name: (kind, how it is broken, the path of the error, what its message says)
    "misspelled spec field": (
        "RayCluster",
        lambda d: _rename(d["spec"], "enableInTreeAutoscaling", "enableInTreeAutoScaling"),
        "spec",
        "'enableInTreeAutoScaling' was unexpected",
    ),
    "rayStartParams value not a string": (
        "RayCluster",
        lambda d: d["spec"]["headGroupSpec"]["rayStartParams"].update({"num-cpus": 0}),
        "spec/headGroupSpec/rayStartParams/num-cpus",
        "is not of type 'string'",
    ),
    "replicas as a string": (
        "RayCluster",
        lambda d: d["spec"]["workerGroupSpecs"][0].update(maxReplicas="8"),
        "spec/workerGroupSpecs/0/maxReplicas",
        "is not of type 'integer'",
    ),
    # A quantity is an integer or a string in a CRD: the API server refuses 0.5 too (quote it: "500m").
    "fractional GPU quantity as a number (int-or-string)": (
        "RayCluster",
        lambda d: d["spec"]["workerGroupSpecs"][0]["template"]["spec"]["containers"][0]["resources"]["limits"].update(
            {"nvidia.com/gpu": 0.5}
        ),
        "spec/workerGroupSpecs/0/template/spec/containers/0/resources/limits/nvidia.com/gpu",
        "is not valid under any of the given schemas",
    ),
    "container without a name": (
        "RayCluster",
        lambda d: d["spec"]["headGroupSpec"]["template"]["spec"]["containers"][1].pop("name"),
        "spec/headGroupSpec/template/spec/containers/1",
        "'name' is a required property",
    ),
    "misspelled pod field": (
        "RayCluster",
        lambda d: _rename(d["spec"]["workerGroupSpecs"][0]["template"]["spec"], "tolerations", "toleration"),
        "spec/workerGroupSpecs/0/template/spec",
        "'toleration' was unexpected",
    ),
    "misspelled RayJob field": (
        "RayJob",
        lambda d: _rename(d["spec"], "shutdownAfterJobFinishes", "shutdownAfterJobFinish"),
        "spec",
        "'shutdownAfterJobFinish' was unexpected",
    ),
    "RayJob TTL as a string": (
        "RayJob",
        lambda d: d["spec"].update(ttlSecondsAfterFinished="3600"),
        "spec/ttlSecondsAfterFinished",
        "is not of type 'integer'",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_the_validator_rejects_a_broken_manifest(case):
    kind, breaks, path, message = BROKEN[case]
    document = the(kind)
    breaks(document)
    found = errors(document)
    assert any(e.startswith(f"{path}: ") and message in e for e in found), found


def test_the_adapter_accepts_int_or_string_both_ways_and_refuses_unknown_extensions():
    cluster = the("RayCluster")
    limits = cluster["spec"]["workerGroupSpecs"][0]["template"]["spec"]["containers"][0]["resources"]["limits"]
    limits.update(cpu=7, memory="28Gi")
    assert errors(cluster) == []
    with pytest.raises(ValueError, match="x-kubernetes-new-thing"):
        to_json_schema({"type": "object", "x-kubernetes-new-thing": True})


def test_the_head_runs_the_job_server_and_mtl_server():
    cluster = the("RayCluster")
    pod = head_pod()
    ray_head = pod["spec"]["containers"][0]  # KubeRay's Ray container is the first one
    assert ray_head["name"] == "ray-head" and "command" not in ray_head  # KubeRay writes `ray start --head`
    # KubeRay's head Service exposes the Ray container's ports: the job server `mtl submit` talks to.
    assert {"name": "dashboard", "containerPort": 8265} in ray_head["ports"]
    assert cluster["spec"]["headGroupSpec"]["rayStartParams"] == {"num-cpus": "0", "dashboard-host": "0.0.0.0"}

    mlflow = container(pod, "mlflow")
    assert mlflow["command"][:2] == ["mtl", "server"]
    server = cli_params(mlflow["command"])
    assert server["host"] == "0.0.0.0" and server["expose"]  # the Service (pod IP) and port-forward (loopback)
    assert server["store"].is_relative_to(shared_mount(pod, "mlflow"))
    (port,) = [p for p in mlflow["ports"] if p["containerPort"] == server["port"]]

    service = the("Service", "mtl-mlflow")
    assert service["spec"]["selector"] == {"ray.io/cluster": cluster["metadata"]["name"], "ray.io/node-type": "head"}
    (service_port,) = service["spec"]["ports"]
    assert service_port["targetPort"] == port["name"]
    uri = f"http://{service['metadata']['name']}:{service_port['port']}"
    for pod_, name in [(pod, "ray-head"), (worker_group()["template"], "ray-worker")]:
        assert env(container(pod_, name), "MLFLOW_TRACKING_URI") == uri

    # MLflow answers only the Host headers it allows: the Service's, and port-forward's loopback.
    from mlflow.server.security_utils import is_allowed_host_header

    allowed = [h.strip() for h in env(mlflow, "MLFLOW_SERVER_ALLOWED_HOSTS").split(",")]
    namespaced = f"{service['metadata']['name']}.ml.svc.cluster.local:{service_port['port']}"
    for host in [urlsplit(uri).netloc, namespaced, f"127.0.0.1:{service_port['port']}", "localhost:5000"]:
        assert is_allowed_host_header(allowed, host), host
    assert not is_allowed_host_header(allowed, "attacker.example:5000")


def test_gpu_workers_autoscale_from_zero():
    spec = the("RayCluster")["spec"]
    assert spec["enableInTreeAutoscaling"] is True
    group = worker_group()
    assert group["minReplicas"] == group["replicas"] == 0 < group["maxReplicas"]
    pod = group["template"]
    worker = pod["spec"]["containers"][0]
    assert worker["name"] == "ray-worker"
    assert int(worker["resources"]["limits"]["nvidia.com/gpu"]) >= 1
    assert {"key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"} in pod["spec"]["tolerations"]
    assert "nvidia.com/gpu" not in container(head_pod(), "ray-head")["resources"].get("limits", {})


def test_every_pod_mounts_the_shared_volume_at_one_path_and_runs_one_image():
    pvc = the("PersistentVolumeClaim")
    assert pvc["spec"]["accessModes"] == ["ReadWriteMany"]
    head, worker = head_pod(), worker_group()["template"]
    mounts = {shared_mount(head, "ray-head"), shared_mount(head, "mlflow"), shared_mount(worker, "ray-worker")}
    assert mounts == {"/mnt/shared"}
    images = {c["image"] for pod in (head, worker) for c in pod["spec"]["containers"]}
    assert len(images) == 1

    spec = the("RayCluster")["spec"]
    assert spec["authOptions"]["mode"] == "token"  # as cluster.yaml: `mtl submit` sends the token
    # rayVersion is the Ray of the image: the one pyproject.toml pins.
    (pin,) = re.findall(r'"ray\[[^\]]*\]==([0-9.]+)\.\*"', (REPO / "pyproject.toml").read_text())
    assert spec["rayVersion"].startswith(pin + ".")


def _entrypoints() -> list[str]:
    """The RayJob's entrypoint, and the `mtl tune` one its comment offers instead."""
    text = (DEPLOY / "rayjob.yaml").read_text()
    alternatives = re.findall(r"^\s*#\s*entrypoint: (mtl .*)$", text, flags=re.MULTILINE)
    assert alternatives, "rayjob.yaml: no commented entrypoint for a sweep"
    return [the("RayJob")["spec"]["entrypoint"], *alternatives]


@pytest.mark.parametrize("index", [0, 1], ids=["entrypoint", "commented sweep entrypoint"])
def test_the_rayjob_runs_mtl_on_a_job_file_of_the_repo(index):
    from mtl_platform.config import load_job
    from mtl_platform.tune.config import load_sweep

    argv = shlex.split(_entrypoints()[index])
    assert argv[:2] in (["mtl", "train"], ["mtl", "tune"])
    params = cli_params(argv)
    job_file = REPO / params.get("job_file", params.get("sweep_file"))
    assert job_file.is_file(), job_file
    overrides = params["override"]
    job = load_job(job_file, overrides) if argv[1] == "train" else load_sweep(job_file, overrides).job
    assert Path(job.trainer.storage_path).is_relative_to(shared_mount(worker_group()["template"], "ray-worker"))
    assert job.scaling.wait_for_nodes and job.scaling.use_gpu is True  # the GPU workers start at 0


def test_the_rayjob_uses_the_cluster_and_the_image_copy_of_the_repo():
    spec = the("RayJob")["spec"]
    assert spec["clusterSelector"] == {"ray.io/cluster": the("RayCluster")["metadata"]["name"]}
    assert spec["shutdownAfterJobFinishes"] is True and spec["ttlSecondsAfterFinished"] >= 0
    (workdir,) = re.findall(r"^WORKDIR (\S+)$", (DEPLOY / "Dockerfile").read_text(), flags=re.MULTILINE)
    assert yaml.safe_load(spec["runtimeEnvYAML"])["working_dir"] == workdir


def test_the_readme_installs_the_vendored_kuberay_release():
    (tag,) = re.findall(r"Release: \*\*v([0-9.]+)\*\*", (CRDS / "SOURCE.md").read_text())
    readme = (DEPLOY / "README.md").read_text()
    assert re.findall(r"kuberay/kuberay-operator --version (\S+)", readme) == [tag]
    for name in ("raycluster.yaml", "rayjob.yaml"):
        assert f"KubeRay v{tag}" in (DEPLOY / name).read_text()
