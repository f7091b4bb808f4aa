"""cluster.yaml against Ray's own cluster-config schema."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml
from ray.autoscaler._private.util import prepare_config, validate_config

CLUSTER = Path(__file__).resolve().parents[1] / "cluster.yaml"


def test_cluster_yaml_is_valid():
    config = prepare_config(yaml.safe_load(CLUSTER.read_text()))
    validate_config(config)
    nodes = config["available_node_types"]
    assert nodes[config["head_node_type"]]["resources"] == {"CPU": 0}
    assert "g5" in nodes["gpu_worker"]["node_config"]["InstanceType"]
    assert any("pip install -e ." in c for c in config["setup_commands"])


def test_a_misspelled_key_is_rejected():
    data = yaml.safe_load(CLUSTER.read_text())
    data["setup_comands"] = data.pop("setup_commands")
    with pytest.raises(jsonschema.ValidationError, match="setup_comands"):
        validate_config(prepare_config(data))
