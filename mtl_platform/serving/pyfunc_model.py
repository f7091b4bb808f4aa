"""The entry MLflow's models-from-code loads: it names the pyfunc class instead of pickling an object."""

import mlflow

from mtl_platform.serving.model import MultiTaskPyfunc

mlflow.models.set_model(MultiTaskPyfunc())
