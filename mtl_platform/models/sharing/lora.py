"""Per-task LoRA adapters (Hu et al., 2021) on one backbone, with `peft`.

Every task gets its own adapter on the same target modules; the forward pass
of a task's batch runs with only that task's adapter active. The base weights
are shared, and frozen by default. Adapters are saved in peft's format, one
folder per task, and load back into a backbone of the same kind.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from safetensors.torch import load_file, save_file
from torch import Tensor, nn

from mtl_platform.config.sharing import LoRAOptions
from mtl_platform.models.sharing.base import Encoder
from mtl_platform.tracking.run_directory import ADAPTERS_DIR

if TYPE_CHECKING:
    from mtl_platform.models.backbones import Backbone

# peft is imported where it is used: it takes about a second to import.
ADAPTER_FILE = "adapter_model.safetensors"


def adapted_model(backbone: Backbone) -> nn.Module:
    """The module adapters go into: the Hugging Face model itself where there is one,
    so saved adapters use its module names."""
    return getattr(backbone, "encoder", backbone)


class LoRASharing(Encoder):
    def __init__(self, tasks: list[str], backbone: Backbone, options: LoRAOptions):
        from peft import inject_adapter_in_model
        from peft.tuners.tuners_utils import BaseTunerLayer

        super().__init__(tasks, backbone.hidden_size)
        self.options = options
        self.backbone = backbone
        model = adapted_model(backbone)
        with warnings.catch_warnings():  # peft warns about a second adapter: one per task is the point
            warnings.filterwarnings("ignore", message="Already found a `peft_config`")
            for task in tasks:
                inject_adapter_in_model(options.peft_config(), model, adapter_name=task)
        self.tuner_layers = [m for m in model.modules() if isinstance(m, BaseTunerLayer)]
        for name, parameter in backbone.named_parameters():
            is_adapter = self._owner(name) is not None
            parameter.requires_grad = is_adapter or (parameter.requires_grad and not options.freeze_base)

    def _owner(self, name: str) -> str | None:
        """The task whose adapter holds the parameter `name`, if any (peft names them `...lora_A.<task>...`)."""
        parts = name.split(".")
        return next((t for t in self.tasks if t in parts and "lora" in name), None)

    def activate(self, task: str) -> None:
        # Set peft's active adapter directly: its set_adapter() also flips requires_grad
        # of the other adapters, which DDP and the optimizer must not see mid-run.
        for layer in self.tuner_layers:
            layer._active_adapter = [task]

    def forward(self, task: str, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        self.activate(task)
        return self.backbone(input_ids, attention_mask)

    def task_modules(self, task: str) -> list[nn.Module]:
        return []  # adapters live inside the backbone's modules; see task_parameters

    def task_parameters(self, task: str) -> list[nn.Parameter]:
        return [p for name, p in self.backbone.named_parameters() if p.requires_grad and self._owner(name) == task]

    def export(self, directory: Path) -> None:
        self.save_adapters(directory / ADAPTERS_DIR)

    def save_adapters(self, directory: Path) -> None:
        """One folder per task: peft's adapter_config.json and adapter_model.safetensors."""
        from peft import get_peft_model_state_dict

        model = adapted_model(self.backbone)
        for task in self.tasks:
            folder = directory / task
            folder.mkdir(parents=True, exist_ok=True)
            self.options.peft_config().save_pretrained(str(folder))
            state = get_peft_model_state_dict(model, adapter_name=task)
            save_file({k: v.detach().cpu().contiguous() for k, v in state.items()}, str(folder / ADAPTER_FILE))

    def load_adapter(self, task: str, folder: Path) -> None:
        """Load a saved adapter (e.g. another run's) as `task`'s adapter."""
        from peft import set_peft_model_state_dict

        set_peft_model_state_dict(
            adapted_model(self.backbone), load_file(str(folder / ADAPTER_FILE)), adapter_name=task
        )
