"""deploy/kubernetes: every manifest validates against the Kubernetes API schemas, offline, and agrees with the app.

Validation uses kubernetes-validate (pinned in requirements-test.txt), which ships the API's JSON schemas for
each Kubernetes version inside the package: no cluster and no network. Strict mode, so a misspelt field fails.

The manifests are applied with ``kubectl apply -k``: kustomization.yaml holds the settings (image, replicas,
host name, upload limit) and patches the plain manifests with them. The tests read what would be applied:
:func:`render` does what that kustomization asks (namespace, images, JSON patches), and refuses any other
kustomize feature; where kubectl is installed, its own kustomize output is compared with :func:`render`'s.

The contract between manifests and app: probe paths answer on a real server, the container port is the one
the Dockerfile's CMD and Streamlit use, the Ingress's cookie affinity covers every path (the websocket
included), memory limits are at least the measured peak, the Ingress passes uploads as large as Streamlit
accepts, and the pod runs as the Dockerfile's non-root user on a read-only root.
"""

from __future__ import annotations

import copy
import json
import re
import shlex
import shutil
import subprocess
import tomllib
import urllib.request

import pytest
import yaml

from bench.server import streamlit_server
from tests.conftest import ROOT

KUBERNETES = ROOT / "deploy" / "kubernetes"
#: Kubernetes versions validated against: the oldest the manifests claim and the newest kubernetes-validate ships.
KUBERNETES_VERSIONS = ("1.29.0", "1.37.0")

#: The largest memory one server process was measured to use, in bytes (bench/results.md): 1.12 GB for
#: "MNIST: largest live training (peak memory 1.12 GB, whole process)"; the load test's "20 concurrent
#: sessions, 5 train at once: server peak RSS" was 1,012 MB (MiB, 1.06e9 bytes). README's Hosting repeats both.
MEASURED_PEAK_BYTES = 1_120_000_000
#: At rest after every page was opened once (bench/results.md "server RSS after visiting every page": 460 MB, MiB).
MEASURED_AT_REST_BYTES = 460 * 2**20

WEBSOCKET = "/_stcore/stream"  #: Streamlit's websocket, which carries every session


# --- what kubectl apply -k would apply -----------------------------------------------------------------------

def _json_pointer(path: str) -> list[str]:
    return [part.replace("~1", "/").replace("~0", "~") for part in path.lstrip("/").split("/")]


def _apply_json_patch(document: dict, operations: list[dict]) -> None:
    """RFC 6902 ``add``, ``replace`` and ``remove`` (all kustomization.yaml uses) on ``document``, in place."""
    for operation in operations:
        *parents, last = _json_pointer(operation["path"])
        target = document
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            last = len(target) if last == "-" else int(last)
        op = operation["op"]
        if op == "replace":
            assert (last < len(target)) if isinstance(target, list) else last in target, f"nothing at {operation}"
            target[last] = operation["value"]
        elif op == "add":
            if isinstance(target, list):
                target.insert(last, operation["value"])
            else:
                target[last] = operation["value"]
        elif op == "remove":
            del target[last]
        else:
            raise AssertionError(f"render() does not do JSON patch op {op!r}")


def _set_images(node, images: list[dict]) -> None:
    """kustomize's ``images``: every ``image:`` of a container named like an entry gets its new name and tag."""
    if isinstance(node, dict):
        for key in ("containers", "initContainers"):
            for container in node.get(key, []):
                name = re.split(r"[:@]", container["image"])[0]
                for image in images:
                    if image["name"] == name:
                        container["image"] = f"{image.get('newName', name)}:{image['newTag']}"
        for value in node.values():
            _set_images(value, images)
    elif isinstance(node, list):
        for value in node:
            _set_images(value, images)


def render() -> list[dict]:
    """The resources ``kubectl apply -k deploy/kubernetes`` applies, built in Python."""
    kustomization = yaml.safe_load((KUBERNETES / "kustomization.yaml").read_text())
    known = {"apiVersion", "kind", "namespace", "resources", "images", "patches"}
    assert set(kustomization) <= known, (f"kustomization.yaml uses {set(kustomization) - known}: teach "
                                         "tests/test_kubernetes.py:render() to do the same as kustomize")
    resources = [document for name in kustomization["resources"]
                 for document in yaml.safe_load_all((KUBERNETES / name).read_text()) if document]
    for resource in resources:
        if resource["kind"] != "Namespace" and "namespace" in kustomization:
            resource["metadata"]["namespace"] = kustomization["namespace"]
        _set_images(resource, kustomization.get("images", []))
    for patch in kustomization.get("patches", []):
        assert set(patch) == {"target", "patch"} and set(patch["target"]) <= {"kind", "name"}, patch
        target = patch["target"]
        targets = [resource for resource in resources if resource["kind"] == target.get("kind", resource["kind"])
                   and resource["metadata"]["name"] == target.get("name", resource["metadata"]["name"])]
        assert targets, f"kustomization.yaml patches nothing with {patch['target']}"
        for resource in targets:
            _apply_json_patch(resource, yaml.safe_load(patch["patch"]))
    return resources


RESOURCES = render()


def the(kind: str) -> dict:
    """The one resource of ``kind`` applied."""
    (found,) = [resource for resource in RESOURCES if resource["kind"] == kind]
    return found


def _container() -> dict:
    (container,) = the("Deployment")["spec"]["template"]["spec"]["containers"]
    return container


def _bytes(quantity: str) -> float:
    """A Kubernetes quantity (``1200Mi``, ``2Gi``, ``1.5G``, ``512``) in bytes."""
    number, unit = re.fullmatch(r"([0-9.]+)([A-Za-z]*)", str(quantity)).groups()
    units = {"": 1, "k": 1e3, "M": 1e6, "G": 1e9, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30}
    return float(number) * units[unit]


def _cores(quantity: str) -> float:
    return float(quantity[:-1]) / 1000 if str(quantity).endswith("m") else float(quantity)


def _port_number(port, container: dict) -> int:
    """A port given by number or by the container port's name."""
    if isinstance(port, int):
        return port
    (number,) = [item["containerPort"] for item in container["ports"] if item["name"] == port]
    return number


def _dockerfile() -> list[str]:
    """The Dockerfile's instructions, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text())
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _dockerfile_cmd() -> list[str]:
    (cmd,) = [line.split(None, 1)[1] for line in _dockerfile() if line.startswith("CMD ")]
    return json.loads(cmd)


# --- offline validation ------------------------------------------------------------------------------------

def test_the_kustomization_applies_every_kind_the_issue_asks_for():
    kinds = sorted(resource["kind"] for resource in RESOURCES)
    assert kinds == sorted(["Namespace", "Deployment", "Service", "Ingress", "HorizontalPodAutoscaler",
                            "PodDisruptionBudget", "NetworkPolicy"]), kinds


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_every_manifest_validates_offline_against_the_api_schemas(version):
    import kubernetes_validate

    for resource in RESOURCES:
        # Raises on a schema violation, and on a kind or API version the schemas do not know.
        kubernetes_validate.validate(resource, version, strict=True)
    for path in sorted(KUBERNETES.glob("*.yaml")):  # each plain manifest on its own too, before patching
        for document in yaml.safe_load_all(path.read_text()):
            if document and document["kind"] != "Kustomization":
                kubernetes_validate.validate(document, version, strict=True)


def test_validation_catches_a_mistake():
    """The validation above is real: a misspelt field and a wrong type both fail."""
    import kubernetes_validate

    misspelt = copy.deepcopy(the("Deployment"))
    misspelt["spec"]["template"]["spec"]["containers"][0]["readinesProbe"] = {"periodSeconds": 5}
    wrong_type = copy.deepcopy(the("Deployment"))
    wrong_type["spec"]["template"]["spec"]["containers"][0]["ports"][0]["containerPort"] = "8501"
    for broken in (misspelt, wrong_type):
        with pytest.raises(kubernetes_validate.ValidationError):
            kubernetes_validate.validate(broken, KUBERNETES_VERSIONS[-1], strict=True)


def test_render_agrees_with_kubectl_kustomize():
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        pytest.skip("kubectl is not installed: render() is checked against the real kustomize only where it is")
    output = subprocess.run([kubectl, "kustomize", str(KUBERNETES)], capture_output=True, text=True, timeout=60,
                            check=True).stdout
    by_name = lambda resources: {(r["kind"], r["metadata"]["name"]): r for r in resources}  # noqa: E731
    assert by_name(yaml.safe_load_all(output)) == by_name(RESOURCES)


# --- the contract between manifests and app ---------------------------------------------------------------

def test_container_port_is_the_one_the_dockerfile_and_streamlit_use():
    from streamlit import config

    cmd = _dockerfile_cmd()
    cmd_port = int(cmd[cmd.index("--server.port") + 1])
    (exposed,) = [int(line.split()[1]) for line in _dockerfile() if line.startswith("EXPOSE ")]
    streamlit_config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    streamlit_port = streamlit_config.get("server", {}).get("port", config.get_option("server.port"))
    container = _container()
    (http,) = container["ports"]
    assert http["containerPort"] == cmd_port == exposed == streamlit_port == 8501
    assert "command" not in container and "args" not in container, "the pod runs the Dockerfile's CMD"
    assert _port_number(the("Service")["spec"]["ports"][0]["targetPort"], container) == cmd_port
    (allowed,) = the("NetworkPolicy")["spec"]["ingress"]
    assert [port["port"] for port in allowed["ports"]] == [cmd_port]


def test_probe_paths_answer_on_a_real_server():
    container = _container()
    probes = [container[name] for name in ("readinessProbe", "livenessProbe")]
    assert all(probe["httpGet"]["path"] == "/_stcore/health" for probe in probes), probes
    assert {_port_number(probe["httpGet"]["port"], container) for probe in probes} == {8501}
    with streamlit_server() as server:
        for probe in probes:
            with urllib.request.urlopen(server.url + probe["httpGet"]["path"], timeout=probe["timeoutSeconds"]) as reply:
                assert (reply.status, reply.read()) == (200, b"ok")


def _covers(path: dict, uri: str) -> bool:
    """Whether an Ingress path sends ``uri`` to its backend (Prefix matches whole path segments)."""
    if path["pathType"] == "Exact":
        return uri == path["path"]
    prefix = path["path"].rstrip("/")
    return uri == prefix or uri.startswith(prefix + "/") or prefix == ""


def test_ingress_affinity_covers_every_path_including_the_websocket():
    ingress = the("Ingress")
    annotations = ingress["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    # "balanced" moves some people (and their sessions) to new pods when the autoscaler adds them.
    assert annotations["nginx.ingress.kubernetes.io/affinity-mode"] == "persistent"
    assert annotations["nginx.ingress.kubernetes.io/session-cookie-name"]
    assert int(annotations["nginx.ingress.kubernetes.io/session-cookie-max-age"]) >= 8 * 3600, "a workshop day"
    assert annotations["nginx.ingress.kubernetes.io/session-cookie-change-on-failure"] == "true"
    for timeout in ("proxy-read-timeout", "proxy-send-timeout"):  # an idle tab keeps its websocket open
        assert int(annotations[f"nginx.ingress.kubernetes.io/{timeout}"]) >= 3600, timeout
    # The annotations hold for every path of this Ingress; every path goes to the app, and the pages, the
    # static files, the health check and the websocket all match one.
    service = the("Service")
    paths = [path for rule in ingress["spec"]["rules"] for path in rule["http"]["paths"]]
    for path in paths:
        backend = path["backend"]["service"]
        assert backend["name"] == service["metadata"]["name"]
        assert backend["port"].get("name") in {port["name"] for port in service["spec"]["ports"]} or \
            backend["port"].get("number") in {port["port"] for port in service["spec"]["ports"]}
    for uri in ("/", "/iris", WEBSOCKET, "/_stcore/health", "/static/js/index.js", "/media/picture.png"):
        assert any(_covers(path, uri) for path in paths), f"{uri} is not sent to the app with affinity"
    assert ingress["spec"]["ingressClassName"] == "nginx", "the annotations are ingress-nginx's"
    assert [rule["host"] for rule in ingress["spec"]["rules"]] and all(rule["host"] for rule in ingress["spec"]["rules"])


def test_memory_is_at_least_the_measured_peak():
    resources = _container()["resources"]
    assert _bytes(resources["limits"]["memory"]) >= MEASURED_PEAK_BYTES
    # The request too, so a node holding replicas at their measured peak is never overcommitted.
    assert _bytes(resources["requests"]["memory"]) >= MEASURED_PEAK_BYTES > MEASURED_AT_REST_BYTES
    assert _cores(resources["requests"]["cpu"]) >= 1, "README: at least one CPU core per replica"
    assert _cores(resources["limits"]["cpu"]) >= _cores(resources["requests"]["cpu"])


def test_ingress_passes_uploads_as_large_as_streamlit_accepts():
    streamlit_mb = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]["maxUploadSize"]
    body = the("Ingress")["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-body-size"]
    number, unit = re.fullmatch(r"(\d+)([kKmMgG]?)", body).groups()  # nginx sizes: k and m are 1024-based
    body_bytes = int(number) * {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}[unit.lower()]
    # At least the largest upload plus 1 MiB of multipart framing, so Streamlit answers an oversized file with
    # its own message rather than the ingress with a bare 413.
    assert body_bytes >= (streamlit_mb + 1) * 2**20, (body, streamlit_mb)


def test_pod_runs_as_the_dockerfiles_non_root_user_on_a_read_only_root():
    (useradd,) = [line for line in _dockerfile() if "useradd" in line]
    words = shlex.split(useradd.split(None, 1)[1])
    uid, user = int(words[words.index("--uid") + 1]), words[-1]
    assert any(line == f"USER {user}" for line in _dockerfile())
    pod = the("Deployment")["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == uid == 10001
    assert pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
    assert pod["automountServiceAccountToken"] is False
    container = _container()
    security = container["securityContext"]
    assert security["readOnlyRootFilesystem"] is True and security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"] and "add" not in security["capabilities"]
    assert security.get("privileged", False) is False and security.get("runAsUser", uid) == uid
    # Scratch space where libraries write (Keras: ~/.keras), each an emptyDir.
    mounts = {mount["mountPath"]: mount["name"] for mount in container["volumeMounts"]}
    scratch = {volume["name"] for volume in pod["volumes"] if "emptyDir" in volume}
    home = next(item["value"] for item in container["env"] if item["name"] == "HOME")
    assert home == f"/home/{user}" and {home, "/tmp"} <= set(mounts)
    assert set(mounts.values()) <= scratch, "only scratch space is writable"
    assert the("Namespace")["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] == "restricted"


def test_autoscaler_disruption_budget_and_network_policy_fit_together():
    deployment = the("Deployment")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert "replicas" not in deployment["spec"], "the autoscaler owns the count: re-applying must not reset it"
    hpa = the("HorizontalPodAutoscaler")["spec"]
    assert hpa["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment",
                                     "name": deployment["metadata"]["name"]}
    assert 2 <= hpa["minReplicas"] <= hpa["maxReplicas"]
    assert [metric["resource"]["name"] for metric in hpa["metrics"]] == ["cpu"]
    pdb = the("PodDisruptionBudget")["spec"]
    assert pdb["selector"]["matchLabels"].items() <= labels.items()
    # A drain keeps at least one pod (and its rooms) up, even at the fewest replicas.
    if "maxUnavailable" in pdb:
        assert 1 <= pdb["maxUnavailable"] < hpa["minReplicas"]
    else:
        assert 1 <= pdb["minAvailable"] < hpa["minReplicas"]
    policy = the("NetworkPolicy")["spec"]
    assert policy["podSelector"]["matchLabels"].items() <= labels.items()
    assert set(policy["policyTypes"]) == {"Ingress", "Egress"} and policy["egress"] == [], "no egress at all"
    assert the("Service")["spec"]["selector"].items() <= labels.items()
    namespace = the("Namespace")["metadata"]["name"]
    assert all(r["metadata"].get("namespace") == namespace for r in RESOURCES if r["kind"] != "Namespace")


#: People one pod (one CPU core) held at p95 interaction ≤ 1 s (bench.replica, README's Hosting), and the number
#: the README plans with, leaving room for training and uneven spreading; plus one spare pod.
MEASURED_PEOPLE_PER_POD, PLANNED_PEOPLE_PER_POD = 60, 50


def _hosting_table() -> list[list[str]]:
    """The rows of README's people → pods table, under its Hosting section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "\n## Hosting\n" in readme, "README has lost its Hosting section"
    hosting = readme.split("\n## Hosting\n", 1)[1].split("\n## ", 1)[0]
    assert f"**one core holds {MEASURED_PEOPLE_PER_POD} people**" in hosting
    assert "kubectl apply -k deploy/kubernetes" in hosting and "Five minutes on a real cluster" in hosting
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in hosting.splitlines()
            if re.match(r"\s*\| [0-9,]+ \| \d+ \|", line)]
    assert [row[0] for row in rows] == ["30", "100", "300", "1,000"]
    return rows


def test_the_readmes_people_to_pods_table_follows_the_measured_capacity_and_the_manifests():
    resources = _container()["resources"]
    cpu, memory, limit = (_cores(resources["requests"]["cpu"]), _bytes(resources["requests"]["memory"]),
                          _bytes(resources["limits"]["memory"]))
    for people, pods, cores, requested, limited in _hosting_table():
        wanted = -(-int(people.replace(",", "")) // PLANNED_PEOPLE_PER_POD) + 1
        assert int(pods) == wanted, people
        assert cores == f"{wanted * cpu:g} cores"
        assert requested == f"{wanted * memory / 2**30:.1f} GiB" and limited == f"{wanted * limit / 2**30:g} GiB"
