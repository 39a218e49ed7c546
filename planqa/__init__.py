"""PlanQA (规划问答助手): questions about Chinese planning documents, answered with citations.

Nothing is loaded at import time; start with :meth:`planqa.engine.Engine.open`.
"""

__version__ = "0.1.0"
