"""Loss weighting and regularizers against hand-computed values."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from mtl_platform.config import WeightingConfig
from mtl_platform.models import MultiTaskModel
from mtl_platform.weighting import build_weighting, regularization


def test_equal_weights_are_one():
    weighting = build_weighting(WeightingConfig(method="equal"), ["a", "b"])
    assert weighting.weights({"a": torch.tensor(1.0)}) == {"a": 1.0}


def test_static_weights_rescale_to_the_number_of_tasks():
    weighting = build_weighting(WeightingConfig(method="static", weights={"a": 0.2, "b": 0.6}), ["a", "b"])
    assert weighting.weights({"a": torch.tensor(1.0), "b": torch.tensor(1.0)}) == pytest.approx({"a": 0.5, "b": 1.5})


def test_backward_is_the_gradient_of_the_weighted_sum_plus_regularization():
    model = MultiTaskModel(nn.Linear(1, 1, bias=False), {"a": nn.Identity(), "b": nn.Identity()})
    model.backbone.weight.data.fill_(3.0)
    w = model.backbone.weight
    config = WeightingConfig(
        method="static", weights={"a": 1.0, "b": 3.0}, regularizers=[{"name": "l2_shared", "beta": 0.5}]
    )
    weighting = build_weighting(config, ["a", "b"])
    reg = regularization(config, model)
    assert reg.item() == pytest.approx(0.5 * 9.0)
    # L = 0.5 * (w^2) + 1.5 * (2w) + 0.5 * w^2  ->  dL/dw = w + 3 + w = 9 at w = 3
    used = weighting.backward({"a": (w**2).sum(), "b": (2 * w).sum()}, reg)
    assert used == pytest.approx({"a": 0.5, "b": 1.5})
    assert w.grad.item() == pytest.approx(9.0)


def test_unknown_regularizer_lists_the_known_ones():
    with pytest.raises(ValueError, match=r"unknown regularizer 'l1'; allowed: \['l2_shared'\]"):
        WeightingConfig(regularizers=[{"name": "l1", "beta": 1.0}])


def test_equal_takes_no_weights():
    with pytest.raises(ValueError, match="method 'equal' takes no `weights`"):
        WeightingConfig(method="equal", weights={"a": 1.0})
