"""The extractor: where glosses are, where the Chinese term starts, what is not a translation, and confidence."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.extract import CorpusStats, abbreviations, extract_pairs, prepare, resolve, spans_to_count
from glossary.extract.english_side import EnglishSide
from glossary.extract.resegment import join_negations
from glossary.extract.segment import _inner_cuts, tokens
from glossary.normalize import en_key, reading_text, zh_key

from .conftest import SEEDS

KNOWLEDGE = 0.5  # the default export's confidence threshold


def pairs(text: str, corpus: list[str] | None = None, *, minimum: float = KNOWLEDGE) -> set[tuple[str, str]]:
    """Extracted (zh key, English) pairs at or above a confidence, derived sub-terms left out."""
    return {(zh_key(c.zh), c.en) for c in extract_pairs(text, corpus) if c.parent is None and c.confidence >= minimum}


# (sentence, pairs it must give). Real sentences from Chinese technical writing, every pattern in both
# bracket widths, both orders, with and without spaces, markup present and absent.
GLOSSES = [
    # 中文（English）: full and half width, spaces, the term after function words and verbs
    ("预训练阶段(pre-training stage)的算法相对直接。", {("预训练阶段", "pre-training stage")}),
    ("我们称之为预训练阶段（pre-training stage）。", {("预训练阶段", "pre-training stage")}),
    # a preposition's phrase ("by means of") says no noun of the English (k-means)
    ("系统会先通过 k 均值聚类（k-means clustering）把向量分桶。", {("k均值聚类", "k-means clustering")}),
    # a preposition jieba glued to a noun in a word CC-CEDICT does not list (以图 "to attempt")
    ("近年来，以图卷积网络（Graph Convolutional Network）为代表。", {("图卷积网络", "Graph Convolutional Network")}),
    # a remark with code in it follows the English
    ("學習率（learning rate，程式中常寫作 `lr`）很重要。", {("学习率", "learning rate")}),
    # a term may start with a prefix glued to the joining word before it (与非 "NAND" to jieba)
    ("监督学习与非监督学习（unsupervised learning）。", {("非监督学习", "unsupervised learning")}),
    ("監督式學習與非監督式學習（unsupervised learning）。", {("非监督式学习", "unsupervised learning")}),
    # ... and however the English shares a sense of the naming verb (称 "call")
    ("后来也称为工具调用（tool calling）。", {("工具调用", "tool calling")}),
    ("我们称之为预训练阶段 ( pre-training stage ) 。", {("预训练阶段", "pre-training stage")}),
    (
        "这便涉及到小批量随机梯度下降（minibatch stochastic gradient descent）。",
        {("小批量随机梯度下降", "minibatch stochastic gradient descent")},
    ),
    ("用于对抗过拟合的技术称为正则化（regularization）。", {("正则化", "regularization")}),
    ("最大和最小的特征值之比称为优化问题的条件数（condition number）。", {("条件数", "condition number")}),
    ("我们只需将锚框的类别标记为背景（background）。", {("背景", "background")}),
    ("换句话说，在在线学习（online learning）中，我们不断获取数据。", {("在线学习", "online learning")}),
    ("我们把这个问题称为多项分类（multiclass classification）。", {("多项分类", "multiclass classification")}),
    # the particle 地 after an adverb, though 地 ("ground") says a word of the English
    (
        "调整区域边界从而更准确地预测目标的真实边界框（ground-truth bounding box）。",
        {("真实边界框", "ground-truth bounding box")},
    ),
    # a dictionary word (应用层 "application layer") of which the English says only the last character
    ("在残差连接的加法之后，紧接着应用层规范化（layer normalization）。", {("层规范化", "layer normalization")}),
    # a name of English words run together says those words (Dense Net, Back Propagation)
    ("不同于ResNet，稠密连接网络（DenseNet）在通道维上连结输入与输出。", {("稠密连接网络", "DenseNet")}),
    (
        "随时间反向传播（BackPropagation Through Time，BPTT）算法的主要思想是计算梯度。",
        {("随时间反向传播", "BackPropagation Through Time")},
    ),
    # the dictionary's "classification" and the English "class" meet
    (
        "为了训练模型，我们需要每个锚框的类别（class）和偏移量（offset）标签。",
        {("类别", "class"), ("偏移量", "offset")},
    ),
    # a prefix says a morpheme (bi- 二), however else the letters could be read (big + ram); the longest prefix
    ("我们计算二元语法（bigram）。", {("二元语法", "bigram")}),
    ("我们计算一元语法（unigram）。", {("一元语法", "unigram")}),
    # ... homo- 同 and hetero- 异 too
    ("图的同配性（homophily）是指相连节点相似。", {("同配性", "homophily")}),
    ("这是一张异质图（heterogeneous graph）。", {("异质图", "heterogeneous graph")}),
    # ... a suffix that says one too (-most 最), and a prefix written apart is one character (semi-join 半连接)
    ("联合索引要遵循最左前缀原则（leftmost prefix rule）。", {("最左前缀原则", "leftmost prefix rule")}),
    ("把 IN 子查询转换成半连接（semi-join）。", {("半连接", "semi-join")}),
    # a verb that jieba's dictionary glues to its complement of result (翻译成, 编译成) is no part of the term after it
    (
        "本节讲如何把 AST 翻译成中间表示（intermediate representation, IR）。",
        {("中间表示", "intermediate representation")},
    ),
    ("编译器把源代码编译成字节码（bytecode）。", {("字节码", "bytecode")}),
    # a modal before a noun is a word jieba does not list (会话 "session", which it reads as 会|话 "can speak")
    ("新版本取代了会话票据（session ticket）。", {("会话票据", "session ticket")}),
    ("服务器和会话密钥（session key）无关。", {("会话密钥", "session key")}),
    # the dictionary's "to embed" and the English "embedding" meet
    ("目标序列的嵌入（embedding）表示将加上位置编码。", {("嵌入", "embedding")}),
    # English words a translator knows the morpheme of, where the dictionary lists other senses (net 网, twin 双)
    ("深度Q网络有很多改进，比如噪声网络（noisy net）。", {("噪声网络", "noisy net")}),
    (
        "双延迟深度确定性策略梯度（twin delayed DDPG，TD3）在DDPG的基础上做了三点改进。",
        {("双延迟深度确定性策略梯度", "twin delayed DDPG")},
    ),
    ("混合专家模型（Mixture of Experts，MoE）为每个词元选择少数专家。", {("混合专家模型", "Mixture of Experts")}),
    ("无分类器引导（classifier-free guidance）则可以控制生成。", {("无分类器引导", "classifier-free guidance")}),
    ("它由逐深度卷积（depthwise convolution）组成。", {("逐深度卷积", "depthwise convolution")}),
    ("这类方法称为免模型（model-free）强化学习。", {("免模型", "model-free")}),
    # a word CC-CEDICT lists whole is no function word glued to what follows (地 of 地址)
    ("主机需要通过地址解析协议（ARP）获得地址。", {("地址解析协议", "ARP")}),
    # a slash between capitals joins a name on both sides
    ("上线前还要做A/B测试（A/B testing）。", {("A/B测试", "A/B testing")}),
    ("最终还要依靠在线A/B测试（online A/B testing）来决定。", {("在线A/B测试", "online A/B testing")}),
    ("团队构建了 CI/CD 流水线（CI/CD pipeline）。", {("CI/CD流水线", "CI/CD pipeline")}),
    # a term may start with a size the English says (3D, 2D), or with an abbreviation a hyphenated English name
    # holds (NP-complete is NP and a word, no acronym)
    ("如果 B 本身还属于 NP，就称 B 是NP完全（NP-complete）的。", {("NP完全", "NP-complete")}),
    ("我们用3D并行（3D parallelism）训练。", {("3D并行", "3D parallelism")}),
    # names with diacritics are English too
    (
        "最常用的指标是弗雷歇初始距离（Fréchet inception distance，FID）。",
        {("弗雷歇初始距离", "Fréchet inception distance")},
    ),
    ("埃尔德什-雷尼模型（Erdős–Rényi model）生成随机图。", {("埃尔德什-雷尼模型", "Erdős–Rényi model")}),
    ("埃尔德什–雷尼图（Erdős–Rényi graph）是随机图。", {("埃尔德什–雷尼图", "Erdős–Rényi graph")}),  # en dash
    # a function character starts a term where it says a short English word (和 "sum", 等 "equal")
    ("在树上可以使用和积算法（sum-product algorithm）精确推断。", {("和积算法", "sum-product algorithm")}),
    ("说话人验证常用等错误率（equal error rate）评估。", {("等错误率", "equal error rate")}),
    # a pronoun or conjunction starts a term where the English says it (自我 "self", 同时 "simultaneous")
    ("智能体通过自我反思（self-reflection）改进。", {("自我反思", "self-reflection")}),
    (
        "我们可以同时检测并分割（simultaneous detection and segmentation）。",
        {("同时检测并分割", "simultaneous detection and segmentation")},
    ),
    # a Latin word in the span is one English word's worth of Chinese, not one character per letter
    (
        "我们实现了这样的掩蔽softmax操作（masked softmax operation）。",
        {("掩蔽softmax操作", "masked softmax operation")},
    ),
    # a dictionary word that starts with a suffix character is a word (化工厂, not 化 + 工厂)
    ("附近的化工厂（chemical plant）停产了。", {("化工厂", "chemical plant")}),
    # the initials of the English say a Latin word of the span
    ("两个分布的KL散度（Kullback-Leibler divergence）", {("KL散度", "Kullback-Leibler divergence")}),
    # a localiser inside a term where the English says it
    ("网络中的网络（Network in Network，NiN）是一种架构。", {("网络中的网络", "Network in Network")}),
    # a numeral word that counts (一个) is context; one that names (多层 "multi-layer") is content
    ("变换时使用的是同一个多层感知机（MLP）。", {("多层感知机", "MLP")}),
    # the I of "Type I" is a numeral, not a pronoun making the English a sentence
    ("第一类错误（Type I error）是指拒绝了真的原假设。", {("第一类错误", "Type I error")}),
    ("原假设为真却被拒绝，称为第一类错误（type I error）。", {("第一类错误", "type I error")}),
    ("每次只用一个小批次（mini-batch）更新参数。", {("小批次", "mini-batch")}),  # mini- 小
    ("还有逐组（per-group）量化。", {("逐组", "per-group")}),  # per- 逐
    ("本节将介绍更快的R-CNN（Faster R-CNN）。", {("更快的R-CNN", "Faster R-CNN")}),  # -er 更
    # English suffixes a translator knows the morpheme of: -est 最, -less 无, -able 可, -ive 式
    ("调度算法包括最短作业优先（Shortest Job First，SJF）。", {("最短作业优先", "Shortest Job First")}),
    ("UDP则是无连接的(connectionless)协议。", {("无连接的", "connectionless")}),
    ("最高的隔离级别是可串行化（Serializable）。", {("可串行化", "Serializable")}),
    ("我们还希望提高模型的可解释性（explainability）。", {("可解释性", "explainability")}),
    ("操作系统采用抢占式调度（preemptive scheduling）。", {("抢占式调度", "preemptive scheduling")}),
    # ... and prefixes: in- 不/非, de- 去, re- 重, co- 协 without a hyphen too (see also
    # test_a_word_that_only_begins_like_a_prefix_is_no_longer_for_it), quasi- 拟, and -wise 按 as well as 逐
    (
        "我们训练一个去噪扩散概率模型（denoising diffusion probabilistic model）。",
        {("去噪扩散概率模型", "denoising diffusion probabilistic model")},
    ),
    ("采样时再做重参数化（reparameterization）。", {("重参数化", "reparameterization")}),
    # English that opens with a number: the term does too, in digits or in characters
    ("引入了 4 比特量化（4-bit quantization）来压缩模型。", {("4比特量化", "4-bit quantization")}),
    ("使用八比特优化器（8-bit optimizers）。", {("八比特优化器", "8-bit optimizers")}),
    # ... or in a number word, which the term may write in digits (before Greek too)
    ("偏离均值的观测判为异常，就是所谓的3σ准则（three-sigma rule）。", {("3σ准则", "three-sigma rule")}),
    # a prefix the English says twice is said twice
    (
        "这种做法称为多输入多输出策略（multi-input multi-output，MIMO）。",
        {("多输入多输出策略", "multi-input multi-output")},
    ),
    # a dictionary entry read across jieba's words must leave a rest that says another English word (做错|误: both
    # would say "error")
    ("我们抽了 300 条线上对话做错误分析（error analysis），发现问题分布很集中。", {("错误分析", "error analysis")}),
    # a word further on that says more English says this word's English again (回答 before 问答)
    (
        "对于需要综合多个信息才能回答的多跳问答（multi-hop question answering），检索要做多轮。",
        {("多跳问答", "multi-hop question answering")},
    ),
    # a copula is never a term's, whatever it says (就是 "exactly")
    ("这就是精确线搜索（exact line search）。", {("精确线搜索", "exact line search")}),
    # each member of a coordination says its share of what the English says again in each
    (
        "研究者把幻觉分成内在幻觉和外在幻觉（intrinsic hallucination and extrinsic hallucination）两类。",
        {("内在幻觉", "intrinsic hallucination"), ("外在幻觉", "extrinsic hallucination")},
    ),
    # names after a hyphen that jieba cut with a localiser inside (伍|德伯|里 "Woodbury"), and a name whose English
    # is no compound of dictionary words (Young is no you + ng, 尔 "you": English words have vowels)
    (
        "求逆要用到谢尔曼-莫里森-伍德伯里公式（Sherman-Morrison-Woodbury formula）。",
        {("谢尔曼-莫里森-伍德伯里公式", "Sherman-Morrison-Woodbury formula")},
    ),
    (
        "由定义可直接得到芬彻尔-杨不等式（Fenchel-Young inequality）。",
        {("芬彻尔-杨不等式", "Fenchel-Young inequality")},
    ),
    # ... not where the Chinese says it in characters after a figure's number (图 1 独热编码)
    ("方法 2 两阶段训练（two-stage training）在所有数据集上最好。", {("两阶段训练", "two-stage training")}),
    ("见图 1 独热编码（one-hot encoding）示意。", {("独热编码", "one-hot encoding")}),
    # a member says what its English member says as often (序列 twice), whatever the other says
    (
        "我们比较了序列到序列模型和语言模型（sequence-to-sequence models and language models）。",
        {("序列到序列模型", "sequence-to-sequence models"), ("语言模型", "language models")},
    ),
    # door is no do + or (作 "do" of 叫作): a word of two letters opens a compound only as a prefix or particle
    ("我们把这类路径叫作后门路径（back-door paths），它们体现了混杂。", {("后门路径", "back-door paths")}),
    # an en dash joins names as a hyphen does
    (
        "这个估计量称为 Horvitz–Thompson 估计量（Horvitz–Thompson estimator）。",
        {("Horvitz–Thompson估计量", "Horvitz–Thompson estimator")},
    ),
    # a figure's number before a term that says the number is no word of the term (three: 三, not the 3 of 图 3)
    (
        "如图 3 三维重建（three-dimensional reconstruction）效果明显。",
        {("三维重建", "three-dimensional reconstruction")},
    ),
    # names with diacritics, which jieba parts at such a letter (Erd|ő|s, Fr|é|chet)
    ("经典的 Erdős–Rényi 图（Erdős–Rényi graph）是随机图。", {("Erdős–Rényi图", "Erdős–Rényi graph")}),
    ("我们用 Poincaré 嵌入（Poincaré embeddings）表示层次结构。", {("Poincaré嵌入", "Poincaré embeddings")}),
    (
        "我们使用了 Barabási–Albert 模型（Barabási–Albert model）生成网络。",
        {("Barabási–Albert模型", "Barabási–Albert model")},
    ),
    (
        "这里用 Łojasiewicz 不等式（Łojasiewicz inequality）证明收敛。",
        {("Łojasiewicz不等式", "Łojasiewicz inequality")},
    ),
    ("Fréchet distance（弗雷歇距离）常用于比较曲线。", {("弗雷歇距离", "Fréchet distance")}),
    # 下 of 情况下 says no sub-, 子 does
    ("在这种情况下子网络（subnetwork）可以单独训练。", {("子网络", "subnetwork")}),
    # English words that end like one of the dictionary's words are compounds all the same (logit: 对数 "log")
    ("模型输出经过 softmax 之前称为对数几率（logit）。", {("对数几率", "logit")}),
    ("这一方向被称为智能体工作流（agentic workflow）。", {("智能体工作流", "agentic workflow")}),
    # what a naming word introduces is the name, all of it (最大 "max", read as 最 "most" + 大 "big")
    (
        "在对数空间中，乘积变为求和，相应的算法称为最大和算法（max-sum algorithm）。",
        {("最大和算法", "max-sum algorithm")},
    ),
    # a word and a suffix are one word, which the span says once (positional is no position + al)
    ("因此必须给每个位置加上位置编码（positional encoding）。", {("位置编码", "positional encoding")}),
    # an abbreviation, then its English and its Chinese in one bracket, in either order
    (
        "我们使用 RAG（Retrieval-Augmented Generation，检索增强生成）来减少幻觉。",
        {("检索增强生成", "Retrieval-Augmented Generation")},
    ),
    ("使用 LoRA（低秩适配，Low-Rank Adaptation）微调。", {("低秩适配", "Low-Rank Adaptation")}),
    # ... its letters taken from the words as an abbreviation's are (TSO: TimeStamp Oracle)
    ("分布式事务依赖 TSO（Timestamp Oracle，时间戳服务）分配时间戳。", {("时间戳服务", "Timestamp Oracle")}),
    # ... after the head noun the bracket's names leave implicit; with a plus between words for an and
    (
        "在移动端的 TBDR 架构（基于图块的延迟渲染，Tile-Based Deferred Rendering）上，带宽很贵。",
        {("基于图块的延迟渲染", "Tile-Based Deferred Rendering")},
    ),
    ("实现了 ReAct（Reasoning + Acting，推理与行动）范式。", {("推理与行动", "Reasoning + Acting")}),
    ("我们使用低秩适配（LoRA）微调。", {("低秩适配", "LoRA")}),  # an acronym in mixed case is one still
    # ... and the combining forms of the sciences: bio- 生, neuro- 神 (生物信息学 at the start of a sentence)
    ("生物信息学（bioinformatics）中最基础的问题是序列比对。", {("生物信息学", "bioinformatics")}),
    ("这个函数是不可约（irreducible）的。", {("不可约", "irreducible")}),
    ("实践中采用非精确线搜索（inexact line search）。", {("非精确线搜索", "inexact line search")}),
    # ... in- and im- of a word they negate, although many words only begin like them (index, impact)
    ("第二类是不安全的反序列化（insecure deserialization）。", {("不安全的反序列化", "insecure deserialization")}),
    ("这与不可变基础设施（immutable infrastructure）一脉相承。", {("不可变基础设施", "immutable infrastructure")}),
    # ... not of one they only begin (information: in + formation; impact, insight)
    ("扑克是典型的不完全信息博弈（imperfect information game）。", {("不完全信息博弈", "imperfect information game")}),
    ("这是非公开信息（non-public information）。", {("非公开信息", "non-public information")}),
    ("这项技术带来了非凡影响（impact）。", {("影响", "impact")}),
    ("早期的实现多采用拟牛顿法（quasi-Newton methods）。", {("拟牛顿法", "quasi-Newton methods")}),
    ("LightGBM采用按叶子生长（leaf-wise growth）的策略。", {("按叶子生长", "leaf-wise growth")}),
    # a suffix jieba cuts off a word it does not know never starts a term (掉队|者问题)
    ("最慢的节点会拖累整个系统，这被称为掉队者问题（straggler problem）。", {("掉队者问题", "straggler problem")}),
    # a term does not start inside a word: a dictionary word whose left part is a bound character (自|适应), or a
    # word jieba does not know and left as characters (直|推)
    ("最早的实用算法是自适应提升（adaptive boosting，AdaBoost）。", {("自适应提升", "adaptive boosting")}),
    ("与之相对，原始的 GCN 属于直推学习（transductive learning）。", {("直推学习", "transductive learning")}),
    # ... or where jieba's first word is no dictionary word, and a character to its left makes one of it, leaving
    # one behind (重|试加: 重试 "retry" and 加 "add")
    ("服务之间的调用要设超时、重试加熔断器（circuit breaker）。", {("熔断器", "circuit breaker")}),
    # ... a verb's, which jieba left a character of alone: an entry across a cut is often there by chance (个子
    # "height", 过后 "afterwards")
    ("METIS 把大图切分成多个子图（subgraph）。", {("子图", "subgraph")}),
    ("检测结果还要经过后处理（post-processing）才能输出。", {("后处理", "post-processing")}),
    # ... but a verb before a character is a clause's, with its object (有|粗编码), and a function character is a word
    # of its own (做|工作, where 做工作 is a word too)
    ("线性方法中常用的有粗编码（coarse coding）和瓦片编码。", {("粗编码", "coarse coding")}),
    ("所有离线任务都用 Airflow 做工作流编排（workflow orchestration）。", {("工作流编排", "workflow orchestration")}),
    # ... nor inside a dictionary name jieba split around a function character (斐波|那|契堆: 那 "that")
    ("更高级的斐波那契堆（Fibonacci heap）可以更快。", {("斐波那契堆", "Fibonacci heap")}),
    # ... a Latin name joined by a hyphen is one name, however long the window (Weisfeiler-Lehman)
    (
        "消息传递网络的能力不超过 Weisfeiler-Lehman 图同构测试（Weisfeiler-Lehman graph isomorphism test）。",
        {("Weisfeiler-Lehman图同构测试", "Weisfeiler-Lehman graph isomorphism test")},
    ),
    # the frame 基于 ... 的 ("X-based", "from X") is part of a name
    (
        "然后进行基于人类反馈的强化学习（Reinforcement Learning from Human Feedback，RLHF）。",
        {("基于人类反馈的强化学习", "Reinforcement Learning from Human Feedback")},
    ),
    ("这是一种基于梯度的方法（gradient-based method）。", {("基于梯度的方法", "gradient-based method")}),
    # ... and where the English says no frame, the preposition ends what is before it ("method based on meta-paths")
    ("另一类方法基于元路径（meta-path），即节点类型的序列。", {("元路径", "meta-path")}),
    # (not 带, a morpheme inside a term)
    ("算法首先构建一个有向带权图（directed weighted graph）。", {("有向带权图", "directed weighted graph")}),
    # a word the span says again is said once: the nearer (冷启动 "cold start" before 分为 "divide into")
    (
        "冷启动分为用户冷启动（user cold start）和物品冷启动（item cold start）。",
        {("用户冷启动", "user cold start"), ("物品冷启动", "item cold start")},
    ),
    ("我们提出了基于注意力的（attention-based）模型。", {("基于注意力的", "attention-based")}),
    # a word CC-CEDICT's definitions use, not a suffix they name ("-ation"): validation is one word
    ("我们把资料分成验证集（validation set）。", {("验证集", "validation set")}),
    # a word the dictionary does not list, split from the right where that says more (长|短期, not 长短|期)
    (
        "长短期记忆（long short-term memory，LSTM）通过门控机制缓解了这个问题。",
        {("长短期记忆", "long short-term memory")},
    ),
    # a derived English word meets the dictionary's base word (partially: 部分 "part"; variational: 变 "vary")
    (
        "这时我们称其为部分可观测马尔可夫决策过程（partially observable Markov decision process，POMDP）。",
        {("部分可观测马尔可夫决策过程", "partially observable Markov decision process")},
    ),
    ("近似推断的一种方法是变分推断（Variational Inference）。", {("变分推断", "Variational Inference")}),
    # -ize is a character of its own (化), and back- in backpropagation is 反
    ("这就是经验风险最小化（empirical risk minimization）。", {("经验风险最小化", "empirical risk minimization")}),
    ("我们先进行词元化（tokenization）。", {("词元化", "tokenization")}),
    ("训练时使用反向传播（backpropagation）。", {("反向传播", "backpropagation")}),
    # a common noun glossed alone is a term of its own (example: a data point)
    ("每个“特征-标签”对都称为一个样本（example）。", {("样本", "example")}),
    ("该方程（equation）描述了系统的演化。", {("方程", "equation")}),
    # a localiser the English says is part of the term; one it does not say is not, adjective or not
    ("我们研究片上（on-chip）网络。", {("片上", "on-chip")}),
    ("这个词不在词表中（vocabulary）。", {("词表", "vocabulary")}),
    ("参数沿着梯度上（gradient）下降。", {("梯度", "gradient")}),
    # the English says how much Chinese it covers; the dictionary says which words it translates
    ("该模型使用了门控循环单元（gated recurrent unit）。", {("门控循环单元", "gated recurrent unit")}),
    ("这种现象被称为过拟合（overfitting）。", {("过拟合", "overfitting")}),
    ("调整但不更新的参数称为超参数（hyperparameter）。", {("超参数", "hyperparameter")}),
    # a dictionary entry jieba splits (数据|集, 测试数据|集) still says what the English says
    ("我们就可以收集一个包含大量音频样本的数据集（dataset）。", {("数据集", "dataset")}),
    ("它由训练数据集中的6万张图像和测试数据集（test dataset）中的1万张图像组成。", {("测试数据集", "test dataset")}),
    # an English word nothing in the span says is the dictionary's gap, not a word the term lacks: the modifier
    # before a known head belongs to the term (最终 "eventual", 相合 "consistent"), and 同 may say "identically"
    ("最弱的常用模型是最终一致性（eventual consistency）。", {("最终一致性", "eventual consistency")}),
    ("如果依概率收敛，则称它是相合估计量（consistent estimator）。", {("相合估计量", "consistent estimator")}),
    (
        "我们就说样本满足独立同分布（independent and identically distributed）。",
        {("独立同分布", "independent and identically distributed")},
    ),
    ("模型在大规模收集的图文对（image-text pair）上预训练。", {("图文对", "image-text pair")}),  # (对 "pair")
    # ... but a word and the participle or adverb that relates it are two words the Chinese says each
    (
        "GPU 设计分为延迟导向设计（latency-oriented design）和吞吐量导向设计（throughput-oriented design）。",
        {("延迟导向设计", "latency-oriented design"), ("吞吐量导向设计", "throughput-oriented design")},
    ),
    ("Kafka 支持恰好一次语义（exactly-once semantics）。", {("恰好一次语义", "exactly-once semantics")}),
    ("解码器采用位置感知注意力（location-aware attention）。", {("位置感知注意力", "location-aware attention")}),
    # a letter and its number is a level or a norm, which waits for the head the members share (L1 and L2 caches)
    ("CPU 集成了 L1 缓存和 L2 缓存（L1 and L2 caches）。", {("L1缓存", "L1 caches"), ("L2缓存", "L2 caches")}),
    ("我们用 F1 分数（F1 score）评估分类器。", {("F1分数", "F1 score")}),
    # (a word that only seems to open with a prefix is a word of its own: convolution)
    (
        "这种模型称为卷积增强的 Transformer（convolution-augmented Transformer）。",
        {("卷积增强的Transformer", "convolution-augmented Transformer")},
    ),
    # (对数 says the "log" of technical English)
    ("取对数后得到对数梅尔声谱图（log-mel spectrogram）。", {("对数梅尔声谱图", "log-mel spectrogram")}),
    # ... but a numeral word or a function character translates nothing, nor does a classifier the head says again
    # (一层|嵌入层, 再|全量)
    ("深度学习进入推荐领域以后，先给稀疏特征加上一层嵌入层（embedding layer）。", {("嵌入层", "embedding layer")}),
    (
        "首先，我们深度理解一下中央处理器（Central Processing Unit，CPU）的性能。",
        {("中央处理器", "Central Processing Unit")},
    ),
    ("这是一元语法（unigram）模型。", {("一元语法", "unigram")}),
    # 可 "-able" starts a term where jieba glued it to a clause character (即可 "then can")
    ("倾向得分方法依赖一个前提，即可忽略性（ignorability）。", {("可忽略性", "ignorability")}),
    # a negation the English does not say is one word with what it negates, as non- words are (N of NFA)
    ("非确定有限自动机（NFA）允许从同一状态出发转移到多个状态。", {("非确定有限自动机", "NFA")}),
    ("在每个位置上预设若干个锚框（anchor box）。", {("锚框", "anchor box")}),
    # ... where the English is letters, too, which count no Chinese words; and a word of quantifier and classifier
    ("训练大模型需要数千块图形处理器（GPUs）。", {("图形处理器", "GPUs")}),
    ("一个图形处理器（GPU）的显存有限。", {("图形处理器", "GPU")}),
    ("整个键值缓存（KV cache）被清空。", {("键值缓存", "KV cache")}),
    # ... not a word of another quantifier and a classifier, which a name may start with
    ("研究者借助多组学（omics integration）分析样本。", {("多组学", "omics integration")}),
    ("常用单位阶跃函数（Heaviside step function）描述开关。", {("单位阶跃函数", "Heaviside step function")}),
    # ... unless the English says the classifier: then it is a word of the name, and the numeral is not
    ("小批量太小时，可以把通道分成两组归一化（group normalization）。", {("组归一化", "group normalization")}),
    ("先放 5% 的流量，观察一天没有问题再全量（full rollout）。", {("全量", "full rollout")}),
    # ... though a pronoun may be a surname (何 He), and per is 每
    ("对于 ReLU 网络，何恺明等人提出了何初始化（He initialization）。", {("何初始化", "He initialization")}),
    ("这个指标叫每 token 输出时间（Time Per Output Token）。", {("每token输出时间", "Time Per Output Token")}),
    # a verb saying what a word of the term says again is context (出现 "emerge" before 涌现 "emergence")
    ("当模型规模足够大时，会出现涌现能力（emergent abilities）。", {("涌现能力", "emergent abilities")}),
    # an acronym among the English words stands for several: Chinese spells it out (DQN 深度Q网络)
    ("深度Q网络的另一个改进是竞争深度Q网络（dueling DQN）。", {("竞争深度Q网络", "dueling DQN")}),
    # a name the dictionary lists whole, split by jieba (拉格朗|日)
    (
        "我们引入拉格朗日乘子（Lagrange multiplier），把原始问题转化为对偶问题。",
        {("拉格朗日乘子", "Lagrange multiplier")},
    ),
    # a book that title-cases its glosses: the capitals are style, the prefix still a morpheme (sub- 子)
    ("汇聚层也叫子采样层（Subsampling Layer），其作用是进行特征选择。", {("子采样层", "Subsampling Layer")}),
    # a transliterated name the dictionary does not list belongs to the term it names
    ("我们先介绍马尔可夫奖励过程（Markov reward process，MRP）。", {("马尔可夫奖励过程", "Markov reward process")}),
    (
        "我们通常把这个过程建模为马尔可夫决策过程（Markov decision process）。",
        {("马尔可夫决策过程", "Markov decision process")},
    ),
    # a prefix before a hyphen is a morpheme of its own, even a function word's (on-, off-)
    (
        "Sarsa 是一种同策略（on-policy）算法，而 Q学习是一种异策略（off-policy）算法。",
        {("同策略", "on-policy"), ("异策略", "off-policy")},
    ),
    # ... also where a pattern delimits the term, whose first word the tagger reads as a morpheme, and whose rest
    # the dictionary does not match (策略 is "tactics" to it)
    ("区别在于：off-policy（异策略）则允许二者不同。", {("异策略", "off-policy")}),
    ("| 中文 | 英文 |\n|---|---|\n| 异策略 | off-policy |\n", {("异策略", "off-policy")}),
    # 时 "on" of copy-on-write is inside the term: it ends no phrase there
    ("另一條路線是 ZFS 和 Btrfs 採用的寫入時複製（copy-on-write）。", {("写入时复制", "copy-on-write")}),
    # a clause word's adjective (重要 "important") starting a compound is part of the term
    ("很多工作使用了重要性采样（importance sampling）来修正偏差。", {("重要性采样", "importance sampling")}),
    # a term never starts inside a clause word, however jieba reads it (称|为主成分分析)
    # ... nor before a negation jieba glued to one (是非 "right and wrong")
    ("实践中采用的是非精确线搜索（inexact line search）。", {("非精确线搜索", "inexact line search")}),
    ("这是非凸优化（non-convex optimization）问题。", {("非凸优化", "non-convex optimization")}),
    # ... nor after a preposition jieba glued to the term's first character in a phrase no dictionary takes for a
    # word (用布 "use cloth"); a word of its own stays one (用水 of 用水量 "water consumption")
    ("我们可以用布隆过滤器（Bloom filter）判断元素是否存在。", {("布隆过滤器", "Bloom filter")}),
    ("城市用水量（water consumption）逐年上升。", {("用水量", "water consumption")}),
    ("我们把它称为主成分分析（principal component analysis，PCA）。", {("主成分分析", "principal component analysis")}),
    ("原来的问题则称为主问题（primal problem）。", {("主问题", "primal problem")}),
    # a character jieba cut off a word neither of which the dictionary matches is one word with it (波动|率
    # "volatility"), which leaves the English's other word to the word before (特质 "idiosyncratic")
    ("然后研究特质波动率（idiosyncratic volatility）与收益的关系。", {("特质波动率", "idiosyncratic volatility")}),
    # a later word that says this one's English and another English word too is read for the other (显著 is
    # "significant" and "statistically significant"; 统计 says "statistical")
    ("实验需要达到统计显著性（statistical significance）。", {("统计显著性", "statistical significance")}),
    ("某些细胞会进行发酵作用（fermentation）。", {("发酵作用", "fermentation")}),  # (发酵 "to ferment")
    # two English words written as one: the Chinese word before the head says the first (位 "bit" of bitmap)
    ("这类查询适合用位图索引（bitmap index）。", {("位图索引", "bitmap index")}),
    ("这就是生命周期（lifetime）的概念。", {("生命周期", "lifetime")}),  # (生命 "life")
    # the term before a trailing 的-phrase or localiser
    ("包括让模型做一些指令跟随的任务(instruction following)。", {("指令跟随", "instruction following")}),
    # ... but not where the English says the 的-phrase (野 "field")
    ("空洞卷积可以在不泄露未来信息的前提下获得很大的感受野（receptive field）。", {("感受野", "receptive field")}),
    # a word that says only a prefix by its first character, which the next word says again, is context (一个
    # "uni-"); two prefixes of one English word (pseudo-poly-, non-re-) are no repetition
    ("这些词构成一个一元语言模型（unigram language model），很简单。", {("一元语言模型", "unigram language model")}),
    ("这样的运行时间称为伪多项式时间（pseudo-polynomial time）。", {("伪多项式时间", "pseudo-polynomial time")}),
    ("这种现象叫不可重复读（non-repeatable read）。", {("不可重复读", "non-repeatable read")}),
    # a character heading a compound at the gloss may say what the English leaves implicit (体 of "agent") ...
    ("前者通常交给一个编排器（orchestrator）来调度。", {("编排器", "orchestrator")}),
    ("这类系统被称为智能体（Agent），它能调用工具。", {("智能体", "Agent")}),
    # ... after a modal too, where the first word is no verb (智能 "intelligent", not 定义 "to define")
    ("这就需要智能体（Agent）。", {("智能体", "Agent")}),
    # 名为 "named" is a clause word, as 称为 is
    ("它有一个超参数，名为束宽（beam size）。", {("束宽", "beam size")}),
    # a dictionary word jieba split is read whole wherever that says more (后验|概率 "posteriori" ...)
    (
        "或最大后验概率估计（maximum a posteriori estimation，MAP）求解。",
        {("最大后验概率估计", "maximum a posteriori estimation")},
    ),
    # no- before a hyphen is a negation prefix (不 of 不可克隆 "no-cloning"), and the whole word it starts is
    # no-cloning, not the cloning 克隆 says
    ("限制：不可克隆定理（no-cloning theorem）表明。", {("不可克隆定理", "no-cloning theorem")}),
    # ... as one- and two- are numeral prefixes (单 of 单样本学习 "one-shot learning")
    ("如果只给一个例子，叫作单样本学习（one-shot learning）。", {("单样本学习", "one-shot learning")}),
    (
        "HMC需要手动设定步长，而不掉头采样器（No-U-Turn Sampler，NUTS）能够自动选择步数。",
        {("不掉头采样器", "No-U-Turn Sampler")},
    ),
    # a short word's -ed leaves its -e (used: 使用 "use"), so the clause word 使用 is part of the term
    (
        "常见的替换策略有随机替换以及最近最少使用（Least Recently Used，LRU）。",
        {("最近最少使用", "Least Recently Used")},
    ),
    # ... and where a part of it says nothing (有|界 -> 有界 "bounded", 執行|緒 -> 執行緒 "thread")
    (
        "引入随机性后，我们得到有界错误概率多项式时间（bounded-error probabilistic polynomial time，BPP）类。",
        {("有界错误概率多项式时间", "bounded-error probabilistic polynomial time")},
    ),
    # ... and where jieba's cut falls inside an entry, the rest of the word it cut still saying the English (均|方根
    # -> 均方|根 "mean square", "root"); not where the rest says nothing of it (用|量子门: 用量 "quantity", 子)
    ("我们计算均方根误差（root mean squared error）。", {("均方根误差", "root mean squared error")}),
    ("用量子门（quantum gate）构建电路。", {("量子门", "quantum gate")}),
    # a dictionary word that looks like a clause word glued to a suffix is a term where the English says it
    # (使用者 "user", not 使用 "use" + 者)
    ("核心模式（kernel mode）與使用者模式（user mode）。", {("使用者模式", "user mode")}),
    # an acronym's letters stand for as many words, which the Chinese may translate word by word; a negation
    # starts terms (未 "not yet": out-of-vocabulary), and a numeral inside a span counts, it names nothing
    ("训练时从未见过的词，这些词称为未登录词（OOV）。", {("未登录词", "OOV")}),
    ("扩增 DNA 通常借助聚合酶链式反应（PCR）。", {("聚合酶链式反应", "PCR")}),
    ("这种架构称为非均勻記憶體存取（NUMA）。", {("非均匀记忆体存取", "NUMA")}),
    # a name of English words run together, inflected or not, says each (PagedAttention "paged attention")
    ("后来又提出了分页注意力（PagedAttention），效果很好。", {("分页注意力", "PagedAttention")}),
    ("BERT 使用的是WordPiece算法（WordPiece algorithm）。", {("WordPiece算法", "WordPiece algorithm")}),
    # a transliterated name jieba cut in pieces it does not know is one word (柯克|霍夫, 古斯塔夫|森) ...
    (
        "密码学中还有一条历史悠久的柯克霍夫原则（Kerckhoffs's principle）。",
        {("柯克霍夫原则", "Kerckhoffs's principle")},
    ),
    ("不过，古斯塔夫森定律（Gustafson's law）提醒我们。", {("古斯塔夫森定律", "Gustafson's law")}),
    ("更一般地，古德哈特定律（Goodhart's law）指出。", {("古德哈特定律", "Goodhart's law")}),
    (
        "根据奈奎斯特采样定理（Nyquist sampling theorem），采样率要足够高。",
        {("奈奎斯特采样定理", "Nyquist sampling theorem")},
    ),
    # ... and so is a character jieba left alone before a word of its own that no dictionary lists (声|码器, 马|可夫)
    ("语音合成的最后一步交给声码器（vocoder）完成。", {("声码器", "vocoder")}),
    ("我们把问题建模为马可夫决策过程（Markov decision process）。", {("马可夫决策过程", "Markov decision process")}),
    # naming verbs (合称 "jointly called", like 统称) are clause words
    ("旋转矩阵和平移向量合称外参（extrinsic parameters）。", {("外参", "extrinsic parameters")}),
    # characters in their technical senses, which CC-CEDICT lacks (块 "block", 框 "box", 图 "graph", 核 "kernel")
    ("编译器的第一步是划分基本块（basic block）。", {("基本块", "basic block")}),
    ("每个样本先标出边界框（bounding box）。", {("边界框", "bounding box")}),
    # ... which a character has heading a compound: alone it is no term (卷积|核 "kernel", 线程|池 "pool")
    ("用一个小小的卷积核（kernel）在图片上滑动。", {("卷积核", "kernel")}),
    ("服务端维护一个线程池（pool）来处理请求。", {("线程池", "pool")}),
    # a later word repeats an earlier one only where it says all of it read either way (不变|性 does not say the
    # "translation" of 变 "transform"), and a word saying two English words is said once by them (二阶)
    ("卷积层具有平移不变性（translation invariance）。", {("平移不变性", "translation invariance")}),
    # the frame 带 ... 的 is the English's "with" (SGD with restarts), as 基于 ... 的 is its "-based"
    ("可以选择带偏置的线性层（linear layer with bias）。", {("带偏置的线性层", "linear layer with bias")}),
    # a dictionary word jieba split before a bound suffix (向|量化 -> 向量|化 "vectorization")
    ("编译器会尽量利用向量化（vectorization）提升吞吐。", {("向量化", "vectorization")}),
    # a noun jieba lists that starts with a clause verb's characters is a word (利用率 "utilization", 产生器)
    ("集群的利用率（utilization）很低。", {("利用率", "utilization")}),
    ("随机数的产生器（generator）需要种子。", {("产生器", "generator")}),
    # a prefix's character the English says (等 "equi-") starts a term, though it is also a function word ("etc.")
    ("常用的有等宽直方图（equi-width histogram）。", {("等宽直方图", "equi-width histogram")}),
    # ... or one a hyphen joins to the next, as the English hyphen does (崩溃-|恢复 "crash-recovery")
    ("我们假设的是崩溃-恢复模型（crash-recovery model）。", {("崩溃-恢复模型", "crash-recovery model")}),
    # ... and so is a character jieba cut off a transliteration, where it opens the name as the English does (切 qie
    # for Chebyshev, 雅 ya for Jacobi)
    ("由切比雪夫不等式（Chebyshev's inequality）可知尾部概率有界。", {("切比雪夫不等式", "Chebyshev's inequality")}),
    ("迭代时用到雅可比矩阵（Jacobian matrix）。", {("雅可比矩阵", "Jacobian matrix")}),
    # ... but a hyphen that sets a label apart joins nothing where the English has none
    ("实验1-基线对比（baseline comparison）的结果见表 2。", {("基线对比", "baseline comparison")}),
    # ... not so a word jieba does not know after an adverb (再|全量 "full rollout", below) or a classifier
    # ... or two words jieba takes for names, which CC-CEDICT lists apart (伯|罗斯, 霍尔|德), or a start inside a
    # name jieba guessed (鲍|姆, in 鲍姆)
    (
        "这类索引都建立在伯罗斯-惠勒变换（Burrows-Wheeler transform）之上。",
        {("伯罗斯-惠勒变换", "Burrows-Wheeler transform")},
    ),
    ("更常用的是豪斯霍尔德变换（Householder transformation）。", {("豪斯霍尔德变换", "Householder transformation")}),
    ("它也常被称作鲍姆-韦尔奇算法（Baum-Welch algorithm）。", {("鲍姆-韦尔奇算法", "Baum-Welch algorithm")}),
    (
        "理论上更优雅的是维克里-克拉克-格罗夫斯机制（Vickrey-Clarke-Groves mechanism）。",
        {("维克里-克拉克-格罗夫斯机制", "Vickrey-Clarke-Groves mechanism")},
    ),
    # ... but a dictionary word after a piece jieba glued across words is no part of one (协商出|会话密钥)
    ("用私钥解密的方式协商出会话密钥（session key）。", {("会话密钥", "session key")}),
    # a version number (C4.5), a name of words run together said by their initials (AdaBoost), an ampersand in a
    # name (Wide & Deep)
    ("著名的C4.5决策树算法（C4.5 algorithm）。", {("C4.5决策树算法", "C4.5 algorithm")}),
    ("代表是AdaBoost算法（Adaptive Boosting，AdaBoost）。", {("AdaBoost算法", "Adaptive Boosting")}),
    # a function character jieba split off a dictionary word is read with it (向|后 -> 向后 "backward")
    ("一个好的算法至少应当具有向后稳定性（backward stability）。", {("向后稳定性", "backward stability")}),
    ("Google 提出的Wide & Deep模型（Wide & Deep model）效果很好。", {("Wide & Deep模型", "Wide & Deep model")}),
    # an ordinal with a classifier says its number (第一个 "first"); Unicode's λ is LAMDA, and µ (the micro sign) is
    # typed for mu
    ("输出的第一个词元（first token）很重要。", {("第一个词元", "first token")}),
    ("都可以归结为λ演算（lambda calculus）。", {("λ演算", "lambda calculus")}),
    ("电话语音常用µ律压缩（mu-law companding）。", {("µ律压缩", "mu-law companding")}),
    # 到 inside a name the English writes X-to-Y costs nothing
    ("它支持任意模态到任意模态（any-to-any）的生成。", {("任意模态到任意模态", "any-to-any")}),
    # a Latin letter the English writes, here as an initial, costs nothing first in a span (S 型 "sigmoid")
    ("在線性模型的輸出外面再套上一個 S 型函數（sigmoid function）。", {("S型函数", "sigmoid function")}),
    # an acronym's first word is context only where it is a verb none of whose senses starts with one of the
    # letters (支持 "support" of SVM is not)
    ("随机梯度下降（SGD）是常用的优化器。", {("随机梯度下降", "SGD")}),
    ("支持向量机（SVM）是经典的分类器。", {("支持向量机", "SVM")}),
    # a name in an English without capitals (kruskal's) may still be a name
    ("克鲁斯卡尔算法（kruskal's algorithm）求最小生成树。", {("克鲁斯卡尔算法", "kruskal's algorithm")}),
    # an & without spaces is part of a word (R&D), and coordinates nothing
    ("研发与市场（R&D and marketing）部门合作紧密。", {("研发", "R&D"), ("市场", "marketing")}),
    ("pass@1指标（pass@1）。", {("pass@1指标", "pass@1")}),
    ("映射注意力（MappedAttention）。", {("映射注意力", "MappedAttention")}),
    # a metric at a cut-off (pass@k); a word joined by hyphens is no coordination (plan-and-execute)
    ("常用的pass@k指标（pass@k metric）表示采样。", {("pass@k指标", "pass@k metric")}),
    (
        "也可以采用计划与执行架构（plan-and-execute architecture）。",
        {("计划与执行架构", "plan-and-execute architecture")},
    ),
    # a Latin or Greek letter, or a number, that the English says starts the term (U-Net, φ "phi", 0-1 "zero-one")
    ("另一个在医学影像中非常流行的模型是U形网络（U-Net）。", {("U形网络", "U-Net")}),
    (
        "在经典的0-1背包问题（zero-one knapsack problem）中，每件物品只能选一次。",
        {("0-1背包问题", "zero-one knapsack problem")},
    ),
    (
        "就得到了3-SAT问题（three-satisfiability problem，3-SAT），它是NP完全的。",
        {("3-SAT问题", "three-satisfiability problem")},
    ),
    ("电话语音则常用8位的μ律压缩（mu-law companding）。", {("μ律压缩", "mu-law companding")}),
    ("SSA 在控制流的汇合点插入 φ 函数（phi function）。", {("φ函数", "phi function")}),
    ("智能体常用ε-贪心策略（ε-greedy policy）来探索。", {("ε-贪心策略", "ε-greedy policy")}),
    # 中文（English，ABBR）, 中文（ABBR）, labels before the English
    ("大语言模型（Large Language Model，LLM）是当前的热点。", {("大语言模型", "Large Language Model")}),
    ("它可以对大语言模型(LLM)进行微调。", {("大语言模型", "LLM")}),
    ("本文讨论指令跟随（英文：instruction following）。", {("指令跟随", "instruction following")}),
    ("梯度提升决策树，又名 GBDT，是一种集成方法。", {("梯度提升决策树", "GBDT")}),
    ("支持向量机，常简称为SVM，是一种模型。", {("支持向量机", "SVM")}),
    ("自注意力，亦称为 self-attention，是核心模块。", {("自注意力", "self-attention")}),
    ("梯度提升树，或称为 GBDT，很强。", {("梯度提升树", "GBDT")}),
    ("自注意力，亦称 self-attention，是核心模块。", {("自注意力", "self-attention")}),
    # the Chinese name written with the abbreviation beside the English
    (
        "期望极大算法（expectation maximization algorithm，EM算法）是一种迭代算法。",
        {("期望极大算法", "expectation maximization algorithm")},
    ),
    ("我们介绍循环神经网络（英文全称 recurrent neural network）。", {("循环神经网络", "recurrent neural network")}),
    # alternatives in one gloss: two English forms
    (
        "我们称之为前向传播（forward propagation或forward pass）。",
        {("前向传播", "forward propagation"), ("前向传播", "forward pass")},
    ),
    # English（中文） and ABBR（中文）
    ("我们使用 dropout（暂退法）来缓解过拟合。", {("暂退法", "dropout")}),
    ("后训练采用了 RLHF（基于人类反馈的强化学习）。", {("基于人类反馈的强化学习", "RLHF")}),
    # appositions
    (
        "预训练数据处理的要点包括de-duplication methods and data cleaning mechanisms，即去重和清洗。",
        {("去重", "de-duplication"), ("清洗", "data cleaning")},
    ),
    ("关于managing complexity，复杂度管理，说白了即算法相对简单。", {("复杂度管理", "managing complexity")}),
    # ... and who calls it that (not a lone 称, as often a word's: 对称)
    ("关于 negative prompt，国内社区一般叫负向提示词，也有人叫反向提示词。", {("负向提示词", "negative prompt")}),
    (
        "关于 timestep embedding，中文资料里一般叫时间步嵌入，做法和位置编码一样。",
        {("时间步嵌入", "timestep embedding")},
    ),
    ("关于 world model，业界通常称为世界模型。", {("世界模型", "world model")}),
    ("关于 overfitting，教材里称为过拟合。", {("过拟合", "overfitting")}),
    ("关于 RLHF，国内一般叫基于人类反馈的强化学习。", {("基于人类反馈的强化学习", "RLHF")}),  # (a frame's 的)
    ("关于 syntax-semantics interface，一般叫句法语义接口。", {("句法语义接口", "syntax-semantics interface")}),
    ("这一阶段称为对齐，即alignment。", {("对齐", "alignment")}),
    # (a naming verb right after 被 has no one who names between them: what follows is named)
    ("这种方法又被称为低秩适配，简称 LoRA。", {("低秩适配", "LoRA")}),
    # (what a naming verb names, as markup would mark it)
    ("这种结构被叫做混合专家模型，简称 MoE。", {("混合专家模型", "MoE")}),
    ("这个量被记作交叉熵，简称 CE。", {("交叉熵", "CE")}),
    # (but not a phrase whose 的 makes it a modifier of the term)
    ("这种网络被称为第三代神经网络的脉冲神经网络，简称 SNN。", {("脉冲神经网络", "SNN")}),
    # (the Chinese after English and 即 ends where it has said the English and a predicate starts; not before a
    # head noun the English leaves out)
    (
        "它由 encoder and decoder，即编码器和解码器两部分组成：编码器把图片映射成向量。",
        {("编码器", "encoder"), ("解码器", "decoder")},
    ),
    ("这里用到 attention，即注意力机制。", {("注意力机制", "attention")}),
    ("sparse attention，即稀疏注意力只计算部分位置。", {("稀疏注意力", "sparse attention")}),
    ("model parallelism，即模型并行两种方式都常见。", {("模型并行", "model parallelism")}),
    ("precision and recall，即精确率和召回率都很高。", {("精确率", "precision"), ("召回率", "recall")}),
    ("我们关心 recall，即召回率。", {("召回率", "recall")}),  # (nothing after the suffix: the term's end)
    ("two-phase commit，即两阶段提交，要求所有参与者一致同意。", {("两阶段提交", "two-phase commit")}),
    # a word jieba's dictionary tags a conjunction that CC-CEDICT gives content senses may start a term (即时
    # "immediate"); a negation's may not (不是 "fault")
    ("框架的另一类采用即时执行（eager execution）。", {("即时执行", "eager execution")}),
    ("CUDA 支持即时编译（Just-In-Time compilation，JIT）。", {("即时编译", "Just-In-Time compilation")}),
    ("系统的即時因子（Real-Time Factor，RTF）很低。", {("即时因子", "Real-Time Factor")}),
    ("这个指标不是词错误率（Word Error Rate，WER）。", {("词错误率", "Word Error Rate")}),
    # (the delimited Chinese starts a word jieba's cut split: 向|量化|表示 is 向量|化|表示)
    ("这里用到 Embedding，即向量化表示，把文本映射成向量。", {("向量化表示", "Embedding")}),
    ("Tensorization，即张量化，是压缩全连接层的一种方法。", {("张量化", "Tensorization")}),
    # ... also where the Chinese is glossed right after with the apposition's own abbreviation or expansion
    (
        "Batch Normalization，即批归一化（BN），是常用技巧。",
        {("批归一化", "Batch Normalization")},  # BN glossed alone: a second sighting, its abbreviation
    ),
    # ... whose Chinese starts with a classifier the English says (组 "group")
    (
        "顺便说一句，Group Relative Policy Optimization，即组相对策略优化，是 DeepSeekMath 里提出来的。",
        {("组相对策略优化", "Group Relative Policy Optimization")},
    ),
    ("这是可满足性问题（satisfiability problem）。", {("可满足性问题", "satisfiability problem")}),  # (满足 said)
    ("这个问题叫 data contamination，也就是数据污染。", {("数据污染", "data contamination")}),
    # a name in capitals may start with a function word (a fragment in lower case may not)
    ("- 至多一次（At Most Once）：消息可能丢失，但绝不重复；", {("至多一次", "At Most Once")}),
    ("Layer normalization，也即层归一化，常用于 Transformer。", {("层归一化", "Layer normalization")}),  # (也即, 亦即)
    ("层归一化，亦即 layer normalization，常用于 Transformer。", {("层归一化", "layer normalization")}),
    ("这种方法称为知识蒸馏，也称 knowledge distillation。", {("知识蒸馏", "knowledge distillation")}),
    # ... and after a label that says the English follows (英文称为, 英文叫, 英文全称是)
    (
        "这种优化叫索引下推，英文称为 Index Condition Pushdown（ICP）。",
        {("索引下推", "Index Condition Pushdown")},
    ),
    ("这叫索引下推，英文全称是 Index Condition Pushdown。", {("索引下推", "Index Condition Pushdown")}),
    # coordination: split where both sides list the same members, whole where an abbreviation names the whole
    ("预训练和微调（pre-training and fine-tuning）是两个阶段。", {("预训练", "pre-training"), ("微调", "fine-tuning")}),
    (
        "这就是同时定位与建图（simultaneous localization and mapping，SLAM）问题。",
        {("同时定位与建图", "simultaneous localization and mapping")},
    ),
    # ... members that share a head noun the English writes once, which the Chinese says in each
    (
        "我们使用张量并行和流水线并行（tensor and pipeline parallelism）。",
        {("张量并行", "tensor parallelism"), ("流水线并行", "pipeline parallelism")},
    ),
    (
        "深层网络容易出现梯度消失和梯度爆炸（vanishing and exploding gradients）。",
        {("梯度消失", "vanishing gradients"), ("梯度爆炸", "exploding gradients")},
    ),
    (
        "要配置就绪探针和存活探针（Readiness and Liveness Probes）。",
        {("就绪探针", "Readiness Probes"), ("存活探针", "Liveness Probes")},
    ),
    # ... even where the dictionary lacks the sense (分割 is "cut up" there): the same word ends every member
    (
        "它与实例分割和全景分割（instance and panoptic segmentation）密切相关。",
        {("实例分割", "instance segmentation"), ("全景分割", "panoptic segmentation")},
    ),
    # ... but not characters that are no word (码器), nor a member that is the shared word alone or ends in the head
    (
        "先做微调和指令微调（fine-tuning and instruction tuning）。",
        {("微调", "fine-tuning"), ("指令微调", "instruction tuning")},
    ),
    (
        "本节讨论标注和数据标注（annotation and data labeling）。",
        {("标注", "annotation"), ("数据标注", "data labeling")},
    ),
    (
        "常见的是编码器和解码器（encoder and decoder networks）。",
        {("编码器", "encoder"), ("解码器", "decoder networks")},
    ),
    (
        "比较深度学习和深度强化学习（deep learning and deep reinforcement learning）。",
        {("深度学习", "deep learning"), ("深度强化学习", "deep reinforcement learning")},
    ),
    # ... or joined by & on both sides
    ("去噪&采样（denoising & sampling）是两个步骤。", {("去噪", "denoising"), ("采样", "sampling")}),
    # ... but a word two members share is said twice only where the English coordinates too
    ("结构化数据和非结构化数据（unstructured data）都很多。", {("非结构化数据", "unstructured data")}),
    # ... a serial list on both sides
    (
        "LSTM有输入门、遗忘门和输出门（input, forget and output gates）。",
        {("输入门", "input gates"), ("遗忘门", "forget gates"), ("输出门", "output gates")},
    ),
    (
        "它包括预训练、微调和对齐（pre-training, fine-tuning, and alignment）。",
        {("预训练", "pre-training"), ("微调", "fine-tuning"), ("对齐", "alignment")},
    ),
    # ... where a member holds a coordinator's character inside a word (饱和度), and a member the dictionary reads
    # otherwise (延迟 "delay") is no reason to leave it out
    (
        "四个黄金信号是延迟、流量、错误和饱和度（latency, traffic, errors, and saturation）。",
        {("延迟", "latency"), ("流量", "traffic"), ("错误", "errors"), ("饱和度", "saturation")},
    ),
    # (以及 as 和)
    (
        "模型容易出现过拟合以及欠拟合（overfitting and underfitting）的问题。",
        {("过拟合", "overfitting"), ("欠拟合", "underfitting")},
    ),
    # ... or commas alone, as many names as the Chinese has members
    (
        "CAP 定理指出系统无法同时满足一致性、可用性和分区容错性（Consistency, Availability, Partition tolerance）。",
        {("一致性", "Consistency"), ("可用性", "Availability"), ("分区容错性", "Partition tolerance")},
    ),
    (
        "事务满足四个特性，即原子性、一致性、隔离性和持久性（Atomicity, Consistency, Isolation, Durability）。",
        {("原子性", "Atomicity"), ("一致性", "Consistency"), ("隔离性", "Isolation"), ("持久性", "Durability")},
    ),
    # ... but where the term chosen is one, a list of names is its alternatives (图像和视频 is context)
    ("模型可以提升图像和视频的清晰度（sharpness, clarity）。", {("清晰度", "sharpness"), ("清晰度", "clarity")}),
    # ... pairing every member where a span coordinates as many (not alternatives of the last)
    (
        "服务的可用性和可靠性（availability, reliability）需要评估。",
        {("可用性", "availability"), ("可靠性", "reliability")},
    ),
    (
        "推荐系统通常分为召回、粗排和精排（recall, pre-ranking, ranking）三个阶段。",
        {("召回", "recall"), ("粗排", "pre-ranking"), ("精排", "ranking")},
    ),
    # ... and where no span coordinates as many members, a word may say two of them
    (
        "Linux 文件有读写和执行权限（read, write, and execute permissions）。",
        {("读写和执行权限", "read, write, and execute permissions")},
    ),
    # (but names of one thing are alternatives, whatever the clause before coordinates)
    (
        "训练和推理的损失函数（loss function, cost function）不同。",
        {("损失函数", "loss function"), ("损失函数", "cost function")},
    ),
    # ... each member in its marks, which delimit it
    (
        "LSTM 有*输入门*、*遗忘门*和*输出门*（input gate, forget gate and output gate）。",
        {("输入门", "input gate"), ("遗忘门", "forget gate"), ("输出门", "output gate")},
    ),
    ("模型由**编码器**和**解码器**（encoder and decoder）组成。", {("编码器", "encoder"), ("解码器", "decoder")}),
    ("有*甲*、“编码器”和“解码器”（encoder and decoder）。", {("编码器", "encoder"), ("解码器", "decoder")}),
    # ... or only the members before the last (a book's markup stripped from the last term alone leaves that)
    ("系统分为*客户端*和服务器（client and server）两部分。", {("客户端", "client"), ("服务器", "server")}),
    (
        "最基本的是*常量折叠*、*常量传播*和死代码消除（constant folding, constant propagation and dead code "
        "elimination）",
        {
            ("常量折叠", "constant folding"),
            ("常量传播", "constant propagation"),
            ("死代码消除", "dead code elimination"),
        },
    ),
    ("*自注意力*和位置编码（positional encoding）", {("位置编码", "positional encoding")}),
    # (alternatives are no coordination: the last marked term, as before)
    ("*监督学习*或*强化学习*（reinforcement learning）", {("强化学习", "reinforcement learning")}),
    # alternatives on both sides are one pair
    (
        "supervised or unsupervised learning，即有监督或无监督学习。",
        {("有监督或无监督学习", "supervised or unsupervised learning")},
    ),
    (
        "LSTM 有*输入门*、*遗忘门*和*输出门*（input, forget and output gates）。",
        {("输入门", "input gates"), ("遗忘门", "forget gates"), ("输出门", "output gates")},
    ),
    # ... as the members of an apposition do
    (
        "tensor and pipeline parallelism，即张量并行和流水线并行。",
        {("张量并行", "tensor parallelism"), ("流水线并行", "pipeline parallelism")},
    ),
    # the pattern delimits the Chinese, but the English need not say a trailing 的-phrase
    ("对于长文本，可以采用 sliding window，即滑动窗口的方法。", {("滑动窗口", "sliding window")}),
    # ... after an abbreviation spelled out in its bracket
    (
        "这个机制叫 MVCC（Multi-Version Concurrency Control），即多版本并发控制。",
        {("多版本并发控制", "Multi-Version Concurrency Control")},
    ),
    # ... which ends before Latin that follows it (the term's abbreviation, a word of what follows) ...
    ("GAN，即生成对抗网络 GAN 由两个网络组成。", {("生成对抗网络", "GAN")}),
    # ... and takes in a Latin head after 的 that the English holds
    ("GraphRAG，即基于知识图谱的 RAG，它先用 LLM 抽取实体。", {("基于知识图谱的RAG", "GraphRAG")}),
    # (not a word of what follows, nor a letter: vLLM，即高吞吐的 LLM 推理引擎, LoRA，即低秩的 A 矩阵)
    ("vLLM，即高吞吐的 LLM 推理引擎。", {("高吞吐", "vLLM")}),
    # ... and goes on over a hyphen between Chinese words
    (
        "- exploration-exploitation dilemma，即探索-利用窘境：智能体的权衡；",
        {("探索-利用窘境", "exploration-exploitation dilemma")},
    ),
    ("CoT，即思维链 prompt 技术可以提升推理能力。", {("思维链", "CoT")}),
    # ... but reads on inside the frame a preposition opens (not 基于 / HKDF)
    (
        "TLS 1.3 用 HKDF，即基于 HMAC 的密钥派生函数，从共享密钥派生出握手密钥。",
        {("基于HMAC的密钥派生函数", "HKDF")},
    ),
    # English first: the name starts after the clause it ends (is, called, known as)
    ("This is called instruction following，即指令跟随。", {("指令跟随", "instruction following")}),
    ("It relies on a method known as knowledge distillation，即知识蒸馏。", {("知识蒸馏", "knowledge distillation")}),
    # ... at such a word in lower case, after another, standing alone: not a name's own (named, CAN, to-do)
    ("named entity recognition，即命名实体识别。", {("命名实体识别", "named entity recognition")}),
    ("车身网络使用 CAN bus，即控制器局域网总线。", {("控制器局域网总线", "CAN bus")}),
    ("to-do list，即待办事项列表。", {("待办事项列表", "to-do list")}),
    # a generic head noun (scheme) stays where the Chinese has a word for it the dictionary does not match (方案 "plan")
    ("人们一般用BIO 标注方案（BIO tagging scheme）把实体的边界编码成标签。", {("BIO标注方案", "BIO tagging scheme")}),
    # ... or says another such head noun, which stands for them all (法 "method")
    ("最简单的是逐点法（pointwise approach）。", {("逐点法", "pointwise approach")}),
    ("这就是所谓的肘部法则（elbow method）。", {("肘部法则", "elbow method")}),  # (法则 "rule" to the dictionary)
    ("大模型训练中常用课程（curriculum strategy）安排数据顺序。", {("课程", "curriculum")}),  # (one word: the rest)
    # ... but not where the dictionary merely misses the last word (增强 is no head noun)
    ("我们使用数据增强（data augmentation techniques）。", {("数据增强", "data augmentation")}),
    # English（中文） whose Chinese ends in a clause word the English says (使用 "use")
    ("现在的模型都支持 tool use（工具使用）。", {("工具使用", "tool use")}),
    # English（中文） whose Chinese joins words with a hyphen
    ("TF-IDF（词频-逆文档频率）是一种常用的加权方法。", {("词频-逆文档频率", "TF-IDF")}),
    # ... or starts with a Latin word of the English (a Latin word is two characters' worth of length)
    ("推理时要用 KV cache（KV缓存）加速。", {("KV缓存", "KV cache")}),
    # ... or with a word of an English of more words inside or after it
    ("Anthropic 提出的 Constitutional AI（宪法式 AI）则另辟蹊径。", {("宪法式AI", "Constitutional AI")}),
    # ... or the abbreviation follows the Chinese
    ("Large Language Model（大语言模型，LLM）是热点。", {("大语言模型", "Large Language Model")}),
    # an abbreviation introduced as in contracts (以下简称 "hereinafter"): no Chinese term 以下
    ("大语言模型（Large Language Model，以下简称 LLM）是热点。", {("大语言模型", "Large Language Model")}),
    (
        "这里用 Transformer architecture（Transformer 架构）。",
        {("Transformer架构", "Transformer architecture")},
    ),
    # a single em dash joins the words of a term where the English hyphenates them (a doubled one sets off a clause)
    (
        "它使用编码器—解码器架构（encoder-decoder architecture）。",
        {("编码器—解码器架构", "encoder-decoder architecture")},
    ),
    ("它使用编码器——解码器架构（encoder-decoder architecture）。", {("解码器架构", "encoder-decoder architecture")}),
    # 在 inside a name the English writes with "in" (human in the loop), as 和 with "and"
    ("这类系统通常需要人在回路（human in the loop）的设计。", {("人在回路", "human in the loop")}),
    ("长上下文模型存在迷失在中间（lost in the middle）的问题。", {("迷失在中间", "lost in the middle")}),
    ("由于人工评估太贵，LLM作为评委（LLM-as-a-judge）的做法迅速流行起来。", {("LLM作为评委", "LLM-as-a-judge")}),
    # a noun jieba lists made of function characters is no phrase of them (下位 of 下位词)
    ("WordNet 中的下位词（hyponym）很多。", {("下位词", "hyponym")}),
    # a classifier after a demonstrative starts a term where the English says it (组 "group")
    ("实验中我们比较了这组归一化（group normalization）与批量归一化的差别。", {("组归一化", "group normalization")}),
    # a conjunction inside a span ends it (无论是 "whether"); a pronoun need not (一切 "everything")
    ("训练千亿参数的模型，单张 GPU 无论是显存（GPU memory）还是算力都不够。", {("显存", "GPU memory")}),
    (
        "Meta 发布的分割一切模型（Segment Anything Model，SAM）可以对任意物体做分割。",
        {("分割一切模型", "Segment Anything Model")},
    ),
    # a word of jieba's that opens with a clause word, where the English says that word (通过 "pass")
    ("当 $k=1$ 时，它就等于单次生成的通过率（pass rate）。", {("通过率", "pass rate")}),
    # slash pairs
    ("后训练/post-training是本文的重点。", {("后训练", "post-training")}),
    # ... before a word that starts a phrase of its own (通常 "usually"), not a noun the pair would modify
    ("后训练/post-training 通常包括监督微调和偏好对齐。", {("后训练", "post-training")}),
    # ... or before a noun, where the Chinese says every word of the English: a gloss inside a compound
    ("后训练/post-training 阶段很关键。", {("后训练", "post-training")}),
    # ... and one after another, joined by 和 (the window must not run back over the first pair's English)
    (
        "除了准确率，鲁棒性/robustness 和校准/calibration 也值得关注。",
        {("鲁棒性", "robustness"), ("校准", "calibration")},
    ),
    (
        "常见问题有死锁/deadlock、活锁/livelock 和饥饿/starvation。",
        {("死锁", "deadlock"), ("活锁", "livelock"), ("饥饿", "starvation")},
    ),
    ("块大小/chunk size 太小会丢上下文。", {("块大小", "chunk size")}),
    # ... two in a row: the second term holds nothing of the first pair's English
    ("内核态/kernel mode和用户态/user mode是两种运行状态。", {("内核态", "kernel mode"), ("用户态", "user mode")}),
    # quotes and emphasis mark the start when present
    ("这种设计被称为“多头注意力”（multi-head attention）。", {("多头注意力", "multi-head attention")}),
    # ... and the end of the search: the words the author quoted are the term, function words and all
    (
        "爱因斯坦称之为“鬼魅般的超距作用”（spooky action at a distance）。",
        {("鬼魅般的超距作用", "spooky action at a distance")},
    ),
    ("按照“设计即隐私”（Privacy by Design）的理念。", {("设计即隐私", "Privacy by Design")}),
    # an acronym that starts with a number: the Chinese writes it in characters
    ("采用两阶段提交（2PC）协议。", {("两阶段提交", "2PC")}),
    # a word that opens with 年 or 日 after a number, which is no date's
    ("公司发布了2023年度报告（annual report）。", {("年度报告", "annual report")}),
    # an apposition's English before the localiser of a frame 在 opened (在 ... 中，), not before a place's 的
    ("在检索增强生成，即 RAG 中，检索器负责召回文档。", {("检索增强生成", "RAG")}),
    ("采用两阶段最小二乘法（2SLS）进行估计。", {("两阶段最小二乘法", "2SLS")}),
    ("- 落實「了解你的客戶」（Know Your Customer，KYC）程序；", {("了解你的客户", "Know Your Customer")}),
    # ... but not what opens a clause or a phrase before the term, nor the clause it is part of
    ("**所谓的长尾分布**（long-tail distribution）很常见。", {("长尾分布", "long-tail distribution")}),
    ("**经典的卷积神经网络**（convolutional neural network）", {("卷积神经网络", "convolutional neural network")}),
    # ... with an em dash for the English's hyphen
    (
        "主要是“经典—量子混合算法”（hybrid quantum-classical algorithm）。",
        {("经典—量子混合算法", "hybrid quantum-classical algorithm")},
    ),
    ("这被称为*暂退法*（dropout）。", {("暂退法", "dropout")}),
    ("卷积神经网络(*convolutional neural network*)很常用。", {("卷积神经网络", "convolutional neural network")}),
    (
        "卷积神经网络（*convolutional neural network*，*CNN*）很常用。",
        {("卷积神经网络", "convolutional neural network")},
    ),
    ("**强化学习（reinforcement learning，RL）**是机器学习的一个分支。", {("强化学习", "reinforcement learning")}),
    ("训练 *Wasserstein 生成对抗网络*（Wasserstein GAN）更稳定。", {("Wasserstein生成对抗网络", "Wasserstein GAN")}),
    # ... and quotes around the English too
    ("所谓的“幻觉”（“hallucination”）很常见。", {("幻觉", "hallucination")}),
    ("大语言模型（'large language model'，LLM）很强。", {("大语言模型", "large language model")}),
    # markup a reader does not see: links, HTML tags, citations and footnote marks
    (
        "我们使用[大语言模型](https://example.org/llm)（large language model）来做事。",
        {("大语言模型", "large language model")},
    ),
    (
        "我们使用大语言模型（[large language model](https://example.org)）来做事。",
        {("大语言模型", "large language model")},
    ),
    ("[Transformer](https://example.org)（变换器）是一种模型。", {("变换器", "Transformer")}),
    ("我们使用<b>大语言模型</b>（large language model）来做事。", {("大语言模型", "large language model")}),
    ("扩散模型[1]（diffusion model）逐步去噪。", {("扩散模型", "diffusion model")}),
    ("扩散模型[^ho]（diffusion model[^2]）逐步去噪。", {("扩散模型", "diffusion model")}),
    # a localiser or 的 inside a dictionary word does not end a phrase (未命中 "miss", 目的 "objective")
    ("缓存未命中（cache miss）会带来延迟。", {("缓存未命中", "cache miss")}),
    ("这个训练目的（training objective）很简单。", {("训练目的", "training objective")}),
    # a space between Chinese and Latin letters or digits is layout, not where a term starts
    ("根据 CAP 定理（CAP theorem），系统无法同时满足三者。", {("CAP定理", "CAP theorem")}),
    ("样本均值服从 t 分布（t-distribution）。", {("t分布", "t-distribution")}),
    ("这就是路径 MTU 发现（Path MTU Discovery）。", {("路径MTU发现", "Path MTU Discovery")}),
    # 即 "that is" ends a phrase, but for a name whose English joins its words with "as"
    (
        "用代码描述基础设施，即基础设施即代码（infrastructure as code，IaC）。",
        {("基础设施即代码", "infrastructure as code")},
    ),
    ("平台提供函数即服务（function as a service）。", {("函数即服务", "function as a service")}),
    # a character that says the whole of an English word says no part of it, which a later word would say again
    # (零 "zero; extra" before 外推 "extrapolate")
    (
        "又比如零噪声外推（zero-noise extrapolation，ZNE），故意把噪声放大。",
        {("零噪声外推", "zero-noise extrapolation")},
    ),
    # a plus after a capital is part of a name, in both languages (B+ tree, C++)
    ("磁盘数据库最常用的索引结构是B+树（B+ tree），数据都在叶子节点上。", {("B+树", "B+ tree")}),
    ("我们用C++模板（C++ template）实现泛型容器。", {("C++模板", "C++ template")}),
    # 表 heads the names of lists (链表, 跳表 "skip list"), which CC-CEDICT does not say
    ("在倒排列表上增加跳表（skip list），就可以一次跳过一大段文档编号。", {("跳表", "skip list")}),
    # a superlative says its base, whose y the suffix turned to i (最早 "earliest": early)
    (
        "动态优先级的最早截止时间优先（earliest deadline first，EDF）调度可以达到百分之百的利用率。",
        {("最早截止时间优先", "earliest deadline first")},
    ),
    # -ful is a suffix 有 translates (有状态 "stateful"), as -less is one 无 does
    (
        "数据库这类需要保存数据的有状态应用（stateful application）要挂载存储。",
        {("有状态应用", "stateful application")},
    ),
    # a dot between the parts of a transliterated name joins them
    (
        "早在经典的冯·诺依曼结构（von Neumann architecture）中，指令和数据共享总线。",
        {("冯·诺依曼结构", "von Neumann architecture")},
    ),
    # ... not where the English names only the part after the dot
    ("这一思想源自阿兰·图灵（Turing）。", {("图灵", "Turing")}),
    ("博弈论的奠基人之一是约翰·冯·诺依曼（von Neumann）。", {("冯·诺依曼", "von Neumann")}),
    ("托马斯·贝叶斯（Thomas Bayes）的遗作在他死后才发表。", {("托马斯·贝叶斯", "Thomas Bayes")}),
    # words that sound out a name together are the name, whatever jieba reads in them: 狄|里克|雷 ("Rick",
    # "thunder") is Dirichlet, and the localiser 里 opens 里|卡蒂 Riccati
    ("我们采用狄里克雷过程（Dirichlet process）作为先验。", {("狄里克雷过程", "Dirichlet process")}),
    ("控制器的增益来自求解里卡蒂方程（Riccati equation）。", {("里卡蒂方程", "Riccati equation")}),
    # ... and start where the name does, whatever jieba guessed around the verb before them (有|斯皮尔曼)
    (
        "常用的有斯皮尔曼相关系数（Spearman correlation coefficient），它只看排名。",
        {("斯皮尔曼相关系数", "Spearman correlation coefficient")},
    ),
    # ... a name of three letters too, where the gloss is not in Title Case (Mel, 梅尔)
    (
        "我们使用梅尔频率倒谱系数（Mel-frequency cepstral coefficients，MFCC）作为特征。",
        {("梅尔频率倒谱系数", "Mel-frequency cepstral coefficients")},
    ),
    # a drug's name in lower case is a name the Chinese sounds out too (沙美特罗 sha mei te luo "salmeterol")
    ("长效β2受体激动剂如沙美特罗（salmeterol）每日2次。", {("沙美特罗", "salmeterol")}),
    # a name jieba guessed whole keeps a localiser character in it (德劳内 "Delaunay")
    ("德劳内三角剖分（Delaunay triangulation）最大化了最小内角。", {("德劳内三角剖分", "Delaunay triangulation")}),
    # a run of words no dictionary knows (迪基-富勒 "Dickey-Fuller") says one English word: 增广 "widen" says the rest
    (
        "判断平稳性最常用的是增广迪基-富勒检验（augmented Dickey-Fuller test）。",
        {("增广迪基-富勒检验", "augmented Dickey-Fuller test")},
    ),
    # traditional input: keyed by the simplified form
    ("我們稱之為後訓練階段（post-training stage）。", {("后训练阶段", "post-training stage")}),
    # ... and read as simplified, where the function words are (與 "and", 並 "and", 透過 "through")
    (
        "我們把資料分成訓練集（training set）、驗證集（validation set）與測試集（test set）。",
        {("训练集", "training set"), ("验证集", "validation set"), ("测试集", "test set")},
    ),
    ("卷積神經網路並常搭配池化層（pooling layer）。", {("池化层", "pooling layer")}),
    ("長短期記憶透過閘門機制（gating mechanism）緩解了這個問題。", {("闸门机制", "gating mechanism")}),
    # an inflected word is one English word (thrashing, not thrash + ing), which two characters say
    ("系统内存不足时会出现颠簸（thrashing），大量时间花在换页上。", {("颠簸", "thrashing")}),
    # a clause word the English says is a word of the term (能 "energy", no modal there)
    ("主动推理的核心是最小化变分自由能（variational free energy）。", {("变分自由能", "variational free energy")}),
    ("弗里斯顿提出了自由能原理（free energy principle）。", {("自由能原理", "free energy principle")}),
    ("大模型用工具（tool use）的能力在提升。", {("工具", "tool use")}),  # (... not after a word it does not say)
    # after 把 (or 将), the words before a verb that says the English are its object; not so before a noun
    ("我们可以把权重卸载（offload）到 CPU 内存里。", {("卸载", "offload")}),
    ("先把数据去重（deduplicate）再训练。", {("去重", "deduplicate")}),
    ("把最佳化器狀態卸載（offload）到 CPU。", {("卸载", "offload")}),
    ("以及将多个小芯片（chiplet）集成在一起。", {("小芯片", "chiplet")}),
    ("我们将在第三章介绍数据去重（deduplication）。", {("数据去重", "deduplication")}),  # (将 "will")
    # a word says what the English says once, though a lone character of a later word may mean it too (元 "part")
    (
        "朴素的高斯消元在主元很小时会放大误差。部分主元法（partial pivoting）的做法是：选绝对值最大的元素作主元。",
        {("部分主元法", "partial pivoting")},
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), GLOSSES, ids=[s[:24] for s, _ in GLOSSES])
def test_glosses_give_the_right_pairs(sentence, expected):
    assert expected <= pairs(sentence)


def test_a_marked_member_does_not_split_an_english_that_coordinates_inside_a_phrase():
    text = "云原生数据库普遍采用“存储”与计算分离（separation of storage and compute）的架构。"
    assert ("存储", "separation of storage") not in pairs(text, minimum=0.0)


def test_a_delimited_span_led_by_a_word_of_a_numeral_or_adverb_needs_the_english_to_say_all_of_it():
    assert pairs("many-shot（很多示例）提示在长上下文模型上效果更好。", minimum=0.0) == set()
    assert pairs("这是一个 one-to-one（一对一映射）关系。", minimum=0.0) == set()


def test_an_english_in_capitals_is_spelled_out_by_its_acronym():
    text = "大语言模型（LARGE LANGUAGE MODEL）是本文的主题。下面介绍大语言模型（LLM）的训练方法。"
    # (the second sighting is one more of 大语言模型 / LARGE LANGUAGE MODEL, with LLM as its abbreviation)
    assert ("大语言模型", "LARGE LANGUAGE MODEL", "LLM") in knowledge(text)
    assert {c.en for c in extract_pairs(text) if c.parent is None} == {"LARGE LANGUAGE MODEL"}


def test_a_member_that_is_the_last_ones_head_alone_is_no_pair_for_a_modifier():
    # (a member whose English ends the last one's says it, whatever the dictionary: 分词 "tokenization")
    found = pairs("预处理包括分词和子词分词（tokenization and subword tokenization）。")
    assert found == {("分词", "tokenization"), ("子词分词", "subword tokenization")}
    # the span starts after the first member's modifier (精确|去重): 去重 says nothing of "exact"
    found = pairs("包括精确去重和模糊去重（exact and fuzzy deduplication），后者通常使用 MinHash。", minimum=0.0)
    assert ("去重", "exact") not in found and ("模糊去重", "fuzzy deduplication") in found


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        ("这便涉及到小批量随机梯度下降（minibatch stochastic gradient descent）。", "涉及到小批量随机梯度下降"),
        ("我们只需将锚框的类别标记为背景（background）。", "标记为背景"),
        ("用于对抗过拟合的技术称为正则化（regularization）。", "称为正则化"),
        ("这个模型使用小批量随机梯度下降（minibatch SGD）训练。", "使用小批量随机梯度下降"),
        # 同 "compared with", though the English has a prefix (on-) that 同 translates in 同策略
        ("同在线学习（on-line learning）相比，这种方法更快。", "同在线学习"),
        # a term does not start inside a word jieba cut (服务|器用, 最|大化), unless the English says part of it
        ("服务器用公钥/public key 加密。", "器用公钥"),
        ("训练时最大化证据下界（evidence lower bound）。", "大化证据下界"),
        # ... but not where a five-letter stem only happens to meet a longer word's (是 "correct", correlation)
        ("它所表达的运算其实是互相关运算（cross-correlation）。", "是互相关运算"),
        ("猫、狗等类别（classes）很多。", "等类别"),
        # a verb after a modal is context (需要 "must" + 定义 "to define")
        ("为此我们需要定义凸集（convex set）。", "定义凸集"),
        ("每个像素并有三个颜色通道（RGB）。", "有三个颜色通道"),
        # a clause word said only by a phrasal verb's particle in its senses (进行 "carry out") is still one
        ("随机森林可以进行包外估计（out-of-bag estimate）。", "进行包外估计"),
        # ... nor by "forward" of 提出 "put forward", a particle too
        ("他们提出的1F1B调度（one-forward-one-backward schedule）很快。", "提出的1F1B调度"),
        # ... and 用作 "use as", 乘以 "multiply by", 之间 "between", 亦称 "also called" are clause words
        ("预留一部分数据用作验证集（validation set）。", "用作验证集"),
        ("对每一帧乘以汉明窗（Hamming window）。", "乘以汉明窗"),
        ("假设各输出之间条件独立（conditionally independent）。", "之间条件独立"),
        ("因此状态变量亦称隐变量（hidden variable）。", "状态变量亦称隐变量"),
        # a name (皮尔逊 "Pearson") an English without a capital does not say is context
        ("检验分类变量之间是否独立，可以用皮尔逊卡方检验（chi-squared test）。", "皮尔逊卡方检验"),
        # a numeral and classifier whose numeral only looks like a prefix's (一 "uni-" of universal) counts
        ("受控非门组成一个通用门集合（universal gate set）。", "一个通用门集合"),
        # ... and 统称为 "collectively called", the complement 成 "into", 呈 "show as"
        ("旋转与平移则统称为外参（extrinsic parameters）。", "统称为外参"),
        ("到达定值的结果常被整理成定义-使用链（def-use chains）。", "成定义-使用链"),
        ("损失随参数量的增加呈幂律（power law）下降。", "呈幂律"),
        # a character whose one sense the English says is said again by a later word (上 "attend", 注意力 "attention")
        ("试图降低长序列上自注意力（self-attention）的计算量。", "上自注意力"),
        # a function word glued to a word is no dictionary word that says the English (一个多 of 一个多头注意力)
        ("这是一个多头注意力（multi-head attention）模块。", "一个多头注意力"),
        # a verb first is context to a term an acronym glosses, however many words its letters leave unsaid
        ("请关闭防火墙（FW）规则。", "关闭防火墙"),
        ("管理员修改域名系统（DNS）记录。", "修改域名系统"),
        # a country before a name is no part of it (德国 and 高斯 are names of their own)
        ("德国高斯（Gauss）提出了这个方法。", "德国高斯"),
        ("他去了日本东京（Tokyo）。", "日本东京"),
        # a range of numbers counts, it names nothing; nor does an @ before Chinese (微博上@张三)
        ("每张图片生成3-5个候选框（candidate box）。", "3-5个候选框"),
        ("在微博上@张三（Zhang San）。", "上@张三"),
        # ... and 借助 "with the help of", as 利用 and 通过
        ("判断是否成环时通常借助并查集（union-find）这种数据结构。", "借助并查集"),
        # a frame's preposition without the frame's 的 (面向 "for") is context
        ("迭代检索的一种用途是面向多跳问答（multi-hop question answering）。", "面向多跳问答"),
        # a numeral word whose classifier a character of the head says again (两层 ... 层 "layer")
        ("後來改成兩層的多層感知器（Multi-Layer Perceptron，MLP）。", "两层的多层感知器"),
        # a quantifier (若干 "several", 大量 "a great amount") or determiner (同一个 "the same") is context
        ("每个流式多处理器包含若干CUDA核心（CUDA cores）。", "若干CUDA核心"),
        ("同一个CUDA流（CUDA stream）中的操作按顺序执行。", "同一个CUDA流"),
        ("这会使大量长尾（long tail）物品很难被推荐出去。", "大量长尾"),
        # a character the span says twice while the English says it once (头 ... 头 "head")
        ("GQA 让多个查询头共享同一组键值头（key-value head）。", "头共享同一组键值头"),
        ("GQA 让多个查询头共享同一组键值头（key-value head）。", "一组键值头"),
        # two function words are not joined into a word (中|的, not 中的 "hit the target"), nor a verb and its
        # aspect particle (有|了, not 有了 "I've got it")
        ("所以后来有了长短期记忆（long short-term memory）。", "有了长短期记忆"),
        ("τ-bench关注工具调用中的人机交互（human-agent interaction）。", "中的人机交互"),
        # ... nor where a later word says that English word, or it is not the English's first word
        ("我们把数据分为训练集和测试集（test set）。", "和测试集"),
        ("我们以字典序（lexicographic order）排列。", "以字典序"),
        ("误差随后还反向传播（back propagation）。", "还反向传播"),
        # ... nor where a later word says nothing the dictionary knows, and may say it (以 "by means of")
        ("CART 则以均方误差（mean squared error）作为划分准则。", "以均方误差"),
        # a Latin word the English does not say is context (the English would have kept it)
        ("用 8 张 A100 显卡（GPU）训练。", "A100显卡"),
        ("每个GPU占用的显存（memory footprint）可以得到控制。", "GPU占用"),
        # a layout space is no word of its own (it earned what an unknown coinage does)
        ("学习率在第 10 轮（epoch）后衰减。", "第10轮"),
        # a slash pair the Chinese goes on from is two alternatives, not a translation
        ("可以在训练模式/inference mode 之间切换。", "训练模式"),
        # a classifier counts the noun after it, it is not part of its name
        ("把缓存切成若干个块（block）。", "个块"),
        ("变换时使用的是同一个多层感知机（MLP）。", "个多层感知机"),
        # a light verb is context, whatever the English leaves room for
        ("我们先做预热（warmup）。", "做预热"),
        # ... and an inflected English word is one word, not two (alias + ing) that leave room for a verb
        ("说到闪烁，就不得不提走样（aliasing）。", "提走样"),
        # a modal verb starts a clause, not a term
        ("程序最后会释放互斥锁（mutex）。", "会释放互斥锁"),
        # a suffix jieba cut off a word it does not list (正则|化) never starts a term
        ("这是一种正则化方法（LS）。", "化方法"),
        # a localiser ends a phrase: 处理器上 is "on the processor" (and jieba's HMM glues 器上)
        ("需要将数据转移到处理器上（processor）执行计算。", "处理器上"),
        ("需要将数据转移到处理器上（processor）执行计算。", "器上"),
        # "over" in overfitting is a prefix (过), not the word that CC-CEDICT's 讨论 "talk over" says
        ("本节讨论过拟合（overfitting）。", "讨论过拟合"),
        # 后 "after" before a term whose back- the next word already says
        ("训练后反向传播（backpropagation）的梯度。", "后反向传播"),
        # ... or whose whole word the next word says (骨干 "backbone"; 后 "back" says only four of its letters)
        ("我们首先加载后骨干网络（backbone network）并冻结参数。", "后骨干网络"),
        # ... but not where the English names only what follows it
        ("我们提出了基于注意力的编码器（encoder）。", "基于注意力的编码器"),
        # verbs that take a property or a condition, and modals: clause words, unless the English says them
        ("光滑函数在极小点处必须满足一阶必要条件（first-order necessary condition）。", "点处必须满足一阶必要条件"),
        ("光滑函数在极小点处必须满足一阶必要条件（first-order necessary condition）。", "满足一阶必要条件"),
        ("它便于范围查询，但容易产生热点(hot spot)。", "产生热点"),
        # clause words matched across two words jieba rightly cut (即使|用户 holds 使用, 其|中心 其中) are none
        ("即使用户画像（user profile）不完整，也能推荐。", "户画像"),
        ("后者把物体建模为其中心点（center point）。", "心点"),
        ("对于这样本空间（sample space）来说。", "本空间"),
        # a word of its own that only begins like a prefix (instruction, retrieval) gives 不 and 再 no credit
        ("关键是数据，而不是指令微调（instruction tuning）。", "不是指令微调"),
        ("我们再次检索（retrieval）。", "再次检索"),
        # an acronym the span writes as the English does stands for the words the English counts it as: no room for
        # the words before it (CAP "consistency, availability, partition tolerance")
        ("问题的答案来自CAP定理（CAP theorem）。", "答案来自CAP定理"),
        # an adjective or numeral jieba left alone before a word it does not know modifies it (新|分词器 "new")
        ("换用新分词器（tokenizer）之后效果更好。", "新分词器"),
        ("骨干网络后接三卷积层（convolutional layers）。", "后接三卷积层"),
        # a word that only begins like a prefix (equilibrium) gives 等 "etc." no credit
        ("溫度、壓強等平衡條件（equilibrium conditions）。", "等平衡条件"),
        # a word the span says twice, which the English says once (二阶 "second" and "order" in second-order)
        ("牛顿法利用二阶导数的二阶方法（second-order method）收敛更快。", "二阶导数的二阶方法"),
        # a word CC-CEDICT lists keeps its own senses (阶段 "stage", not 阶 "order"), and a classifier after a
        # demonstrative or quantifier has no technical sense (每块 "each", not "block")
        ("微调阶段才会加入高阶交互（higher-order interactions）。", "阶段才会加入高阶交互"),
        ("这里的每块数据块（data block）都带校验和。", "每块数据块"),
        # words no dictionary knows (a name's sounds) say the English's unmatched words before a verb before them may
        ("再构建德布鲁因图（de Bruijn graph），在图中寻找欧拉路径。", "构建德布鲁因图"),
        ("漫反射表面遵循朗伯余弦定律（Lambert's cosine law）。", "遵循朗伯余弦定律"),
        # a numeral jieba glued to the noun it counts is no part of the term (一|帧 "frame")
        ("把信号切成很多短的片段，每一片称为一帧（frame）。", "一帧"),
        # ... not a numeral (一万), nor the times something happens (两次), and no part of a name is a noun counted
        ("这部电影共一万帧（frames）。", "万帧"),
        ("视频每秒包含二十五帧（frames）。", "五帧"),
        ("每个请求平均需要两次往返（round trip）。", "次往返"),
        ("我们用四阶龙格-库塔法（Runge-Kutta method）求解。", "阶龙格-库塔法"),
        # a prefixed English word predicts three characters, not four: the prefix's and the word's (预取 "prefetch")
        ("增大缓存行或者使用硬件预取（prefetching）可以减少强制缺失。", "硬件预取"),
        ("折中的方案是把词拆成更小的子词（subword）。", "小的子词"),
        # a localiser ends the phrase before the term (在 ... 下), though the term is one character
        ("在多核环境下秩（rank）是矩阵的重要性质。", "下秩"),
        # ... also where jieba glues it to the term's first character (下|核), and inside a span (情况|下|早停)
        ("在高维情形下核（kernel）方法计算代价很高。", "下核"),
        ("在这种情况下早停（early stopping）往往比正则化更有效。", "情况下早停"),
        ("在有噪声的信道上纠错码（error-correcting code）必不可少。", "信道上纠错码"),
        # an acronym is no name a transliteration opens (有 yǒu before JSON "jay-son"), nor does a character before
        # a word that opens the name itself (新 xīn before 霍夫丁 Hoeffding), nor one that opens another name than
        # the first (实 shí before 柯西-施瓦茨 Cauchy-Schwarz), nor a consonant a name opening with a vowel (有 yǒu,
        # Akaike)
        ("这个接口有 JSON 模式（JSON mode）。", "有JSON模式"),
        ("作者证明了新霍夫丁不等式（Hoeffding's inequality）。", "新霍夫丁不等式"),
        ("训练后胡伯损失（Huber loss）降到了很低。", "后胡伯损失"),
        ("由实柯西-施瓦茨不等式（Cauchy-Schwarz inequality）即得。", "实柯西-施瓦茨不等式"),
        ("模型选择时有赤池信息量准则（Akaike information criterion）可用。", "有赤池信息量准则"),
        # ... nor one before a later word no dictionary knows that opens the name itself (哈 of 哈夫曼)
        # ... and words of the general vocabulary sound out no name, though their sounds fit (一个 yí gè, Yogi)
        ("给Adam算法提供了一个称为Yogi的热补丁。", "一个"),
        ("根据柯西不等式（Cauchy inequality）可得上界。", "根据柯西不等式"),
        ("磁性材料可以用伊辛模型（Ising model）来描述。", "用伊辛模型"),  # (用 yòng is no I)
        # a word jieba guessed, glued from context, says nothing where the rest of the span says every English word
        ("读数据前加共享锁（shared lock），写数据前加排他锁。", "前加共享锁"),
        ("系统时脉由外部晶振经过锁相回路（phase-locked loop，PLL）倍频产生。", "晶振经过锁相回路"),
        ("我们先构建哈夫曼树（Huffman tree）。", "先构建哈夫曼树"),
        # ... nor one before words that sound out a name of the English (边 biān "edge" before 德布鲁因 de Bruijn)
        ("以 k-mer 为边构建德布鲁因图（de Bruijn graph），组装问题转化为寻找欧拉路径。", "边构建德布鲁因图"),
        # a classifier jieba left alone before a word it does not know counts (这类|逐层), it is no part of a name
        ("还可以使用 LAMB 这类逐层自适应学习率（layer-wise adaptive learning rates）优化器。", "类逐层自适应学习率"),
        # an ordinal names (第三 "third"), it does not count
        ("关系模式应当满足第三范式（third normal form）。", "范式"),
        # a digit after a hyphen is inside a name (Qwen2.5-7B), not the start of a term
        ("我们用 Qwen2.5-7B指令模型（Qwen2.5-7B instruct model）。", "7B指令模型"),
        # a prefix's character said again by the term itself (去 "de-" of 去重) is context the first time
        ("去重分为精确去重（exact deduplication）和模糊去重。", "去重分为精确去重"),
        # ... and a verb before a term that says every English word (互斥 "mutually exclusive")
        ("为了保证互斥（mutual exclusion），我们使用锁。", "保证互斥"),
        # ... nor the head of a dictionary word that says nothing of the English, whose tail the English says (常用|字
        # "everyday word": 字 "character")
        ("中文没有天然的词边界，因此更常用字错误率（character error rate，CER），计算方式相同。", "常用字错误率"),
        # ... nor a character jieba glued to the first sound of a name (阶切|比雪夫), which sounds out from inside
        ("ChebNet 用 $K$ 阶切比雪夫多项式（Chebyshev polynomials）来近似谱域滤波器。", "阶切比雪夫多项式"),
        # a phrase of function characters jieba lists as a word (并用 "and use") is read as what it is made of
        ("Flux 都采用了这一框架，并用 Transformer（DiT）取代了 U-Net 作为去噪网络。", "并用Transformer"),
        # a modal or a phase complement jieba's guess glued to the next character opens no term
        ("所以要加位置编码（positional encoding）。", "要加位置编码"),
        ("该器件具有过压保护（overvoltage protection）功能。", "压保护"),  # (过 "over-" opens one)
        ("物理学中的做功（work done）与能量有关。", "功"),
        ("现在你有了一个在海量文本上做完预训练（pre-training）的模型。", "完预训练"),
        # a verb jieba tags a noun (小心 "to take care") before a span that says every English word
        ("这里要特别小心前视偏差（look-ahead bias）。", "小心前视偏差"),
        # ... and a verb whose senses say no English word, once the span says them all (变 "to vary": variable)
        ("我们先挑选高变基因（highly variable genes）再做降维。", "挑选高变基因"),
        # ... nor a clause word whose sense echoes an English word that the term says again (就是 "precisely")
        ("把每个类别的结果画出来就是精确率-召回率曲线（precision-recall curve）。", "就是精确率-召回率曲线"),
        # ... nor an adverb jieba tags a conjunction (及时 "promptly"), nor a verb before one that may start a term
        # (即时 "immediate"), which ends the search where the span goes on before it
        ("系统会及时清理（cleanup）过期会话。", "及时清理"),
        ("服务需要及时扩容（scale out）。", "及时扩容"),
        ("资料库会回传即时结果（real-time result）给前端。", "回传即时结果"),
    ],
)
def test_context_before_a_term_is_never_part_of_it(sentence, wrong):
    assert all(zh != wrong for zh, _ in pairs(sentence, minimum=0.0))


TERM_TABLE = """## 组件

| 组件 | 英文 | 作用 |
| --- | --- | --- |
| 位置编码 | Positional Encoding | 注入位置信息 |
| 对齐 | Alignment | 符合人类偏好 |
| **层归一化** | Layer Normalization（LayerNorm） | 稳定训练 |

| 序号 | English | 中文 |
|:--|:--|:--|
| 1 | dropout | 丢弃法 |

| 模型 | 名称 | 参数量 |
| --- | --- | --- |
| 开源模型 | Llama 3 | 70B |
"""


def test_an_abbreviation_spelled_out_in_its_bracket_is_the_pairs():
    (found,) = extract_pairs("我们使用 RAG（Retrieval-Augmented Generation，检索增强生成）来减少幻觉。")
    assert (found.zh, found.en, found.abbr, found.pattern) == (
        "检索增强生成",
        "Retrieval-Augmented Generation",
        "RAG",
        "abbr(en，zh)",
    )


def test_a_table_of_terms_glosses_the_chinese_beside_its_english_column():
    found = {(c.zh, c.en, c.abbr) for c in extract_pairs(TERM_TABLE) if c.parent is None}
    # a table whose header names no English column (模型 | 名称) lists things, not their English names
    assert found == {
        ("位置编码", "Positional Encoding", None),
        ("对齐", "Alignment", None),  # (a verb or an adverb to the tagger: the table names it a term)
        ("层归一化", "Layer Normalization", "LayerNorm"),
        ("丢弃法", "dropout", None),
    }
    assert all(TERM_TABLE[c.start : c.end] == c.zh for c in extract_pairs(TERM_TABLE))


def test_a_clause_in_bold_is_no_term_nor_are_the_words_at_its_end():
    assert pairs("**梯度裁剪可以缓解梯度爆炸**（gradient clipping）", minimum=0.0) == set()
    assert pairs("“隐私与安全是一体两面”（privacy and security）", minimum=0.0) == set()
    assert pairs("**数据增强能提升模型的泛化能力**（data augmentation）", minimum=0.0) == set()  # 能, as 可以
    assert pairs("我们发现“训练久了模型会过拟合”（overfitting）。", minimum=0.0) == set()
    # (a preposition inside, 在, opens a phrase: the marks hold a description, not the term)
    assert pairs("研究关注“患者在术后出现的感染”（postoperative infection rate）。", minimum=0.0) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "内存屏障（memory barrier），又称 memory fence，用来约束重排。",
            {("内存屏障", "memory barrier"), ("内存屏障", "memory fence")},
        ),
        ("语法分析（syntax analysis），也称为parsing。", {("语法分析", "syntax analysis"), ("语法分析", "parsing")}),
        # ... one per line, each ending its line
        (
            "- 内存屏障（memory barrier），又称 memory fence\n- 命名管道（named pipe），又称 FIFO\n",
            {
                ("内存屏障", "memory barrier"),
                ("内存屏障", "memory fence"),
                ("命名管道", "named pipe"),
                ("命名管道", "FIFO"),
            },
        ),
        # ... for the span the bracket's English chooses (not 量化执行 for "batch processing")
        (
            "向量化执行（vectorized execution），又称 batch processing，可以提升 CPU 利用率。",
            {("向量化执行", "vectorized execution"), ("向量化执行", "batch processing")},
        ),
        # ... not an instance named after 即, nor a symbol
        ("本文使用的检索器（retriever），即 BM25，是一种稀疏检索方法。", {("检索器", "retriever")}),
        ("学习率（learning rate），也称 lr，是最重要的超参数。", {("学习率", "learning rate")}),
        # ... or two, as alternatives (and after an apposition too)
        (
            "线性一致性，又称 atomic consistency 或 strong consistency，是最强的模型。",
            {("线性一致性", "atomic consistency"), ("线性一致性", "strong consistency")},
        ),
        ("模型蒸馏，又称 knowledge distillation 或 KD。", {("模型蒸馏", "knowledge distillation")}),
        # ... a name that ends the clause: not the words that go on after it
        ("内存屏障（memory barrier），也称 CPU 指令。", {("内存屏障", "memory barrier")}),
        # another name in Chinese is the English's too (not a phrase: 一个函数)
        (
            "投机解码（speculative decoding），也称推测解码，是一种加速技巧。",
            {("投机解码", "speculative decoding"), ("推测解码", "speculative decoding")},
        ),
        (
            "嵌入模型是双编码器（bi-encoder），也称双塔模型：查询和文档分别编码。",
            {("双编码器", "bi-encoder"), ("双塔模型", "bi-encoder")},
        ),
        ("模型（model），也称为一个函数。", {("模型", "model")}),
        # (what some call it, or render it as)
        (
            "这种特例被称为整流（rectified flow），也有人翻成“矫正流”。",
            {("整流", "rectified flow"), ("矫正流", "rectified flow")},
        ),
        ("熵（entropy），也有人叫混乱度，其实不准确。", {("熵", "entropy")}),  # (a name the text calls wrong)
        ("损失函数（loss function），也有人叫目标函数，但二者不完全相同。", {("损失函数", "loss function")}),
        # (a clause after it that says something else)
        (
            "鲁棒性（robustness），也有人叫稳健性，但本文统一用鲁棒性。",
            {("鲁棒性", "robustness"), ("稳健性", "robustness")},
        ),
        ("鲁棒性（robustness），也有人叫稳健性。", {("鲁棒性", "robustness"), ("稳健性", "robustness")}),
        ("张量（tensor），也有人叫 NumPy。", {("张量", "tensor")}),
        (
            "我们启用了梯度检查点（gradient checkpointing），也叫作重计算，以节省显存。",
            {("梯度检查点", "gradient checkpointing"), ("重计算", "gradient checkpointing")},
        ),
        ("Checkpoint，中文称作检查点。", {("检查点", "Checkpoint")}),
        # (but 叫|作业调度, where 作业 is a word, not 叫作|用户画像, where 用户 is)
        ("Job Scheduling，中文叫作业调度，是集群管理的核心功能。", {("作业调度", "Job Scheduling")}),
        ("Scope，中文称作用域，决定了变量的可见范围。", {("作用域", "Scope")}),
        ("Normal vector，中文称作法向量，在计算机图形学中很常用。", {("法向量", "Normal vector")}),
        ("Coroutine，中文叫作协程，是一种轻量级线程。", {("协程", "Coroutine")}),
        ("Composer，中文叫作曲家，负责游戏配乐。", {("作曲家", "Composer")}),
        ("这种方法叫 User Profiling，中文叫作用户画像。", {("用户画像", "User Profiling")}),
        # (a term that goes on right after the bracket is no apposition's: 存储嵌入 is the phrase)
        ("系统使用向量数据库（vector database）存储嵌入，即 embedding store。", {("向量数据库", "vector database")}),
        # ... but after Chinese that goes on a phrase the bracket glossed the start of, the name is the phrase's
        (
            "主流的连续批处理（continuous batching）策略，也叫 in-flight batching，就是这个思路。",
            {("连续批处理", "continuous batching")},
        ),
        # (a term further on is one of its own)
        (
            "模型在预训练（pre-training）之后进行指令微调，也称 instruction tuning。",
            {("预训练", "pre-training"), ("指令微调", "instruction tuning")},
        ),
        # (not a phrase of its own after the bracket)
        (
            "过程奖励模型/process reward model（PRM）与结果奖励模型/outcome reward model（ORM）孰优孰劣。",
            {("过程奖励模型", "process reward model"), ("结果奖励模型", "outcome reward model")},
        ),
        # what the English is called in Chinese, after it
        (
            "用得最多的是 HNSW（Hierarchical Navigable Small World），中文一般叫分层可导航小世界图。",
            {("分层可导航小世界图", "Hierarchical Navigable Small World")},
        ),
    ],
)
def test_another_english_name_after_a_gloss_is_the_terms_too(text, expected):
    assert pairs(text, minimum=0.0) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "很多英文译本把“个人信息处理者”译为personal information processor，容易混淆。",
            {("个人信息处理者", "personal information processor")},
        ),
        ("鲁棒性一般译作 robustness。", {("鲁棒性", "robustness")}),
        ("“注意力”一词常被译为attention。", {("注意力", "attention")}),
        ("robustness 一般译为鲁棒性。", {("鲁棒性", "robustness")}),
        ("Transformer 通常被译为“变换器”，但也常直接用英文。", {("变换器", "Transformer")}),
        ("hallucination 一词常被译为“幻觉”。", {("幻觉", "hallucination")}),
        ("robustness 通常被翻译为鲁棒性。", {("鲁棒性", "robustness")}),
        ("业界通常把 embedding 译为嵌入向量。", {("嵌入向量", "embedding")}),  # (the adverb before 把)
        ("我们一般把鲁棒性译为 robustness。", {("鲁棒性", "robustness")}),
        ("业界通常将 embedding 译为嵌入向量。", {("嵌入向量", "embedding")}),  # (将 as 把)
        ("我们一般将鲁棒性译为 robustness。", {("鲁棒性", "robustness")}),
        # alternatives in Chinese, each a rendering (not the 或 of 异或 "XOR")
        ("robustness 通常译为鲁棒性或稳健性。", {("鲁棒性", "robustness"), ("稳健性", "robustness")}),
        ("Transformer 一般译为变换器或者转换器。", {("变换器", "Transformer"), ("转换器", "Transformer")}),
        ("XOR gate 一般译为异或门。", {("异或门", "XOR gate")}),
        # ... not what a program or a text becomes, a rendering done once, nor Chinese that goes on past it
        ("代码会被编译为 WebAssembly 运行。", set()),
        ("模型把用户输入翻译成SQL语句。", set()),
        ("LLM 可以把自然语言译成 SQL。", set()),
        ("他把 README 译为中文。", set()),
        ("我们将把自然语言译成 SQL。", set()),
        ("模型将自然语言问题译为 SQL 查询。", set()),
        ("所有编译器都将 IR 译为机器码。", set()),
        ("业界常将 embedding 译为嵌入。", {("嵌入", "embedding")}),
        ("我们通常把 README 译为中文。", set()),  # (into a language: what a text becomes, however usual)
        ("Text-to-SQL 模型通常把自然语言问题译成 SQL。", set()),
        ("XOR 通常译为异或运算。", set()),  # (异或 "XOR" holds no alternatives)
        ("Transformer 被译为变换器架构的一部分。", set()),
    ],
)
def test_a_rendering_named_with_yi_wei_is_a_pair(text, expected):
    assert pairs(text, minimum=0.0) == expected


def test_a_table_of_terms_names_terms_a_tagger_would_not_start():
    table = (
        "| 术语 | 英文 |\n|---|---|\n"
        "| 更正权 | right to rectification |\n"  # (更正 "to correct", an adverb to the tagger; 权 "right")
        "| GPU 实例化 | GPU Instancing |\n"  # (Chinese led by a word of the English)
        "| Token 间延迟 | Inter-Token Latency |\n"  # (... a word between its hyphens too)
        "| A 股 | Instancing |\n"  # (... not by a word the English does not hold)
    )
    assert pairs(table) == {
        ("更正权", "right to rectification"),
        ("GPU实例化", "GPU Instancing"),
        ("Token间延迟", "Inter-Token Latency"),
    }
    # ... where the dictionary sees none of the English in a row, its gap (副本 is "copy" there): knowledge still
    table = "| 中文名称 | 英文名称 |\n| --- | --- |\n| 生产者 | Producer |\n| 同步副本集合 | In-Sync Replicas |\n"
    assert ("同步副本集合", "In-Sync Replicas") in pairs(table)
    # ... where rows keep the English untranslated (| BERT | BERT |), the others name the column
    table = "| 英文 | 中文 |\n| --- | --- |\n| BERT | BERT |\n| LoRA | LoRA |\n| token | 词元 |\n| embedding | 嵌入 |\n"
    assert {("词元", "token"), ("嵌入", "embedding")} <= pairs(table, minimum=0.0)
    # ... a header naming the Chinese names its column (中文), and without one, a column of Chinese the dictionary
    # sees no translation in (| 优化 | learning rate |, | 谷歌 | BERT's name |) is none
    table = (
        "| 类别 | 英文 | 中文 |\n| --- | --- | --- |\n| 优化 | learning rate | 学习率 |\n| 优化 | momentum | 动量 |\n"
    )
    assert pairs(table, minimum=0.0) == {("学习率", "learning rate"), ("动量", "momentum")}
    table = (
        "| 模型 | 英文全称 | 提出机构 |\n| --- | --- | --- |\n"
        "| BERT | Bidirectional Encoder Representations from Transformers | 谷歌 |\n"
        "| GPT | Generative Pre-trained Transformer | 开放人工智能研究中心 |\n"
    )
    assert pairs(table, minimum=0.0) == set()
    # ... a header that only holds 术语 or 中文 in a longer name is none (术语类别, 中文说明), and 中文 before 术语
    table = "| 序号 | 术语类别 | 中文 | 英文 |\n| --- | --- | --- | --- |\n| 1 | 优化 | 学习率 | learning rate |\n"
    assert pairs(table, minimum=0.0) == {("学习率", "learning rate")}
    table = "| 术语 | 中文 | 英文 |\n| --- | --- | --- |\n| LR | 学习率 | learning rate |\n"
    assert pairs(table, minimum=0.0) == {("学习率", "learning rate")}
    # ... not one of definitions or aliases (中文释义, 中文别名), nor of short forms (中文简称)
    table = "| 术语 | 英文 | 中文释义 |\n| --- | --- | --- |\n| 学习率 | learning rate | 每步更新的幅度 |\n"
    assert pairs(table, minimum=0.0) == {("学习率", "learning rate")}
    table = "| 英文 | 中文简称 | 中文全称 |\n| --- | --- | --- |\n| convolutional network | 卷积网络 | 卷积神经网络 |\n"
    assert pairs(table, minimum=0.0) == {("卷积神经网络", "convolutional network")}
    # ... but one of a translation (中文翻译) is, beside a column of categories
    table = "| 英文 | 所属领域 | 中文翻译 |\n| --- | --- | --- |\n| learning rate | 深度学习 | 学习率 |\n"
    assert pairs(table, minimum=0.0) == {("学习率", "learning rate")}
    # ... as does a header of a full name or with a remark (中文全称, 中文（推荐）), not the next column's short forms
    table = "| 中文全称 | 简称 | 英文全称 |\n| --- | --- | --- |\n| 卷积神经网络 | 卷积网络 | convolutional network |\n"
    assert pairs(table, minimum=0.0) == {("卷积神经网络", "convolutional network")}
    # the column of terms is the table's, not the nearest Chinese of each row: a column of examples is none
    table = (
        "| 阶段 | 英文 | 候选数量 | 典型模型 |\n| --- | --- | --- | --- |\n"
        "| 召回（retrieval） | candidate generation | 数千 | ItemCF、双塔模型 |\n"
        "| 精排（ranking） | ranking | 数十 | 深度点击率模型 |\n"
    )
    assert not {zh for zh, _ in pairs(table, minimum=0.0)} & {"深度点击率模型", "双塔模型", "数十"}
    # a column of remarks on the terms holds no term (不推荐 "not recommended")
    assert pairs("| 英文 | 说明 |\n|---|---|\n| Adagrad | 不推荐 |\n", minimum=0.0) == set()


def test_a_plain_text_table_of_terms_is_read_by_its_columns():
    table = (
        "两部法律赋予的权利整理如下：\n\n"
        "  权利（中文）        GDPR对应条款     英文表述\n"
        "  更正权              第16条          right to rectification\n"
        "  删除权              第17条          right to erasure\n"
        "\t可携带权\t第20条\tright to data portability\n"  # (tabs set columns apart too)
        "  其他权利见下文，English  版本另附。\n"  # (a line of other columns ends the table)
    )
    assert pairs(table) == {
        ("更正权", "right to rectification"),
        ("删除权", "right to erasure"),
        ("可携带权", "right to data portability"),
    }
    # a line of prose that names English is no header
    assert pairs("我们先看英文原文，  再看译文。\n更正权  right to rectification\n", minimum=0.0) <= {
        ("更正权", "right to rectification")  # (as a vocabulary's entry, if at all)
    }


def test_a_table_column_of_abbreviations_gives_each_row_its_abbreviation():
    table = (
        "| 缩略语 | 英文全称 | 中文名称 |\n| --- | --- | --- |\n"
        "| CNN | Convolutional Neural Network | 卷积神经网络 |\n"
        "| GPU | Recurrent Neural Network | 循环神经网络 |\n"  # (letters that are not its initials: no abbreviation)
    )
    assert {(c.zh, c.en, c.abbr) for c in extract_pairs(table)} == {
        ("卷积神经网络", "Convolutional Neural Network", "CNN"),
        ("循环神经网络", "Recurrent Neural Network", None),
    }


def test_an_abbreviation_named_in_a_row_of_a_table_of_terms_is_the_rows_term_s():
    table = (
        "| 术语 | 英文 | 说明 |\n| --- | --- | --- |\n"
        "| 月活跃用户数 | Monthly Active Users | 自然月内的去重活跃用户数，简称 MAU |\n"
        "| 转化率 | Conversion Rate | 下单用户占比，简称 CVR |\n"
        "| 留存 | Retention | 次日仍活跃的用户占比，即 DAU |\n"  # (not its letters: no abbreviation, no pair)
        "| 周活跃用户数 | Weekly Active Users | 与日活跃用户数（DAU）相对 |\n"  # (a gloss of its own stays)
    )
    assert {(c.zh, c.en, c.abbr) for c in extract_pairs(table) if c.parent is None} == {
        ("月活跃用户数", "Monthly Active Users", "MAU"),
        ("转化率", "Conversion Rate", "CVR"),
        ("留存", "Retention", None),
        ("周活跃用户数", "Weekly Active Users", None),
        ("日活跃用户数", "DAU", None),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        # Wikipedia's first sentence: labels the reading converts to simplified (英語, 常簡稱為), an abbreviation
        # said to be used "often", and a Chinese alternative name
        "支持向量机（英語：support vector machine，常簡稱為SVM，又名支援向量網絡）是監督式學習模型。",
        "循环神经网络（英语：recurrent neural network，简称为RNN）是一类网络。",
    ],
)
def test_a_labelled_abbreviation_in_a_gloss_is_its_abbreviation_and_no_pair_of_its_own(sentence):
    found = [(c.zh, c.en, c.abbr) for c in extract_pairs(sentence) if c.parent is None]
    assert len(found) == 1 and found[0][2] in ("SVM", "RNN") and sentence.startswith(found[0][0])


@pytest.mark.parametrize(
    "sentence",
    [
        "此类方法在文献中通常简称为 RAG。",  # (the words before are a place: the adverb's form needs a comma)
        "这一方法，学术界通常简称为 RAG。",  # (... or the subject that calls it so)
        "国家统计局（以下简称为NBS）发布数据。",  # (hereafter)
        "我们团队把核心链路迁到了 Kubernetes（下文简称 K8s）。",
        "这些方法统称为 ensemble methods。",  # (统称 "are collectively called")
    ],
)
def test_no_pair_where_an_apposition_word_follows_what_is_not_the_term(sentence):
    assert [c.zh for c in extract_pairs(sentence) if c.confidence >= KNOWLEDGE] == []


def test_a_labelled_english_line_glosses_the_term_on_the_line_before():
    text = "- 快表\n  - 术语：Translation Lookaside Buffer（TLB）\n\n#### 流量镜像\n\n英文：Traffic Mirroring\n"
    found = {(c.zh, c.en, c.abbr) for c in extract_pairs(text) if c.parent is None}
    assert found == {("快表", "Translation Lookaside Buffer", "TLB"), ("流量镜像", "Traffic Mirroring", None)}
    # ... a term: not a sentence, and never the label itself
    assert extract_pairs("这段话讲了很多东西。\n术语：page size\n") == []


TERM_LIST = """## 术语

- **预训练**：Pre-training
- 微调 — fine-tuning
1. Alignment：对齐
- 作者：John Smith
- 优化器：AdamW
- 注意：this is important
"""


def test_a_list_of_terms_glosses_each_line_whole():
    found = {(c.zh, c.en) for c in extract_pairs(TERM_LIST) if c.parent is None and c.confidence >= KNOWLEDGE}
    # a line of metadata has the shape, but the Chinese says nothing of a name
    assert found == {("预训练", "Pre-training"), ("微调", "fine-tuning"), ("对齐", "Alignment")}


# A vocabulary as a standard (GB/T) writes it: each entry's number, its term and English on one line, its
# abbreviation after a semicolon or on the next line, then its definition.
VOCABULARY = """3 术语和定义

3.1.1
机器学习 machine learning
ML
功能单元通过获取新知识来改进其性能的过程。

3.1.2 数据集 dataset
具有一定主题的数据集合。

3.3.2
卷积神经网络 convolutional neural network; CNN
至少有一层采用卷积运算的前馈神经网络。

3.4
训练数据 training data
AI
"""


def knowledge(text: str) -> set[tuple[str, str, str | None]]:
    return {(c.zh, c.en, c.abbr) for c in extract_pairs(text) if c.parent is None and c.confidence >= KNOWLEDGE}


def test_a_vocabulary_entry_is_its_term_and_english_on_one_line():
    # a line of capitals after an entry is its abbreviation only where they are the English's initials (not AI)
    assert knowledge(VOCABULARY) == {
        ("机器学习", "machine learning", "ML"),
        ("数据集", "dataset", None),
        ("卷积神经网络", "convolutional neural network", "CNN"),
        ("训练数据", "training data", None),
    }
    assert all(VOCABULARY[c.start : c.end] == c.zh for c in extract_pairs(VOCABULARY))
    # a few lines of an action or of metadata have the shape, but the Chinese says nothing of the English
    assert knowledge("快速开始\n\n安装 PyTorch\n作者 John Smith\n数据集 dataset\n") == {("数据集", "dataset", None)}
    # a name and what it is, written English first, is a caption, not an index's entry
    assert [c.zh for c in extract_pairs("IFEval 示例\nPyTorch 教程\n")] == []


def test_a_vocabulary_lists_its_terms_where_the_dictionary_lacks_the_sense():
    # mostly translations the dictionary sees: the rest are entries too (持久 "lasting", 最终 "final")
    terms = (
        "并发控制 concurrency control\n持久性 durability\n触发器 trigger\n最终一致性 eventual consistency\n"
        "回滚 rollback\n"
    )
    assert {("持久性", "durability", None), ("最终一致性", "eventual consistency", None)} <= knowledge(terms)
    # ... but not where a third of the lines are none: a README's steps among a few terms; nor a numbered chapter
    readme = "安装 pytorch\n下载 miniconda\n启动 tensorboard\n配置 cuda\n数据集 dataset\n模型 model\n训练 training\n"
    assert knowledge(readme) == {("数据集", "dataset", None), ("模型", "model", None), ("训练", "training", None)}
    # ... and where they are, not a name no dictionary uses (pytorch)
    readme = "安装 pytorch\n下载 miniconda\n数据集 dataset\n模型 model\n训练 training\n评估 evaluation\n测试 test\n"
    assert not {("安装", "pytorch", None), ("下载", "miniconda", None)} & knowledge(readme)
    contents = "第一章 Introduction 1\n1.1 背景 Background 3\n1.2 动机 Motivation 5\n第二章 Method 9\n"
    assert ("第一章", "Introduction", None) not in knowledge(contents)


def test_a_book_index_gives_its_entries_in_either_order_without_the_pages():
    index = (
        "aborted transaction 中止事务 625\n注意力机制 attention mechanism 215, 230–236\n"
        "hash index 散列索引，哈希索引 362\nlog sequence number (LSN) 日志序列号 722\n"
        # a sub-entry's English completes the entry's where its Chinese holds the entry's: exclusive lock
        "lock 锁 628\n    exclusive 排他锁 629\n    escalation 锁升级 654\njoin 连接 71\n    natural join 自然连接 73\n"
        "Index 索引 40\n    Index scan 索引扫描 42\n"
        # levels; a sub-entry holding the entry's Chinese inside is not read; "log" is no word of "logical"
        "tree 树\n    B+ B+树 342\n    binary 二叉树\n        threaded 线索二叉树\n    nested-loop 嵌套循环树算法\n"
        "log 日志\n    logical 逻辑日志\nanomaly 异常\n    dirty read 脏读 633\n"
    )
    assert knowledge(index) == {
        ("中止事务", "aborted transaction", None),
        ("注意力机制", "attention mechanism", None),
        ("散列索引", "hash index", None),
        ("哈希索引", "hash index", None),
        ("日志序列号", "log sequence number", "LSN"),
        ("排他锁", "exclusive lock", None),
        ("锁升级", "lock escalation", None),  # (the entry's English on the side its Chinese is)
        ("索引", "Index", None),
        ("索引扫描", "Index scan", None),
        ("二叉树", "binary tree", None),
        ("线索二叉树", "threaded binary tree", None),
        ("日志", "log", None),
        ("逻辑日志", "logical log", None),
        ("异常", "anomaly", None),
        ("脏读", "dirty read", None),  # (its Chinese does not hold the entry's: as written)
        ("连接", "join", None),
        ("自然连接", "natural join", None),
    }
    assert all(index[c.start : c.end] == c.zh for c in extract_pairs(index))


# A paper's abstracts, with their keywords in the same order in both languages (a space between two Chinese ones)
KEYWORDS = """**摘要**：本文研究了图像分割问题。

**关键词**：深度学习；卷积神经网络 语义分割。

## Abstract

This paper studies image segmentation.

**Key words**: deep learning; convolutional neural network; semantic segmentation.
"""


def test_keywords_in_both_languages_pair_item_by_item():
    found = {(c.zh, c.en) for c in extract_pairs(KEYWORDS) if c.parent is None and c.confidence >= KNOWLEDGE}
    assert found == {
        ("深度学习", "deep learning"),
        ("卷积神经网络", "convolutional neural network"),
        ("语义分割", "semantic segmentation"),
    }
    assert all(KEYWORDS[c.start : c.end] == c.zh for c in extract_pairs(KEYWORDS))
    # lists in another order (迁移学习 against "image"), or of other lengths, pair nothing
    assert extract_pairs("关键词：深度学习；迁移学习；图像\nKeywords: transfer learning; image; deep learning\n") == []
    assert extract_pairs("关键词：深度学习；迁移学习\nKeywords: deep learning; transfer learning; image\n") == []
    # each paper's lists pair with each other, the English first or second, and a list alone with none (whichever
    # paper follows it)
    papers = (
        "关键词：钛合金；疲劳裂纹扩展；微观组织\n\n"
        "Keywords: large language model; chain of thought\n关键词：大模型；思维链\n\n"
        "Keywords: mixture of experts; sparse activation\n关键词：混合专家；稀疏激活\n\n"
        "关键词：图卷积；异配性\n\n关键词：推荐系统；冷启动\nKeywords: recommender system; cold start\n"
    )
    assert {(c.zh, c.en) for c in extract_pairs(papers)} == {
        ("大模型", "large language model"),
        ("思维链", "chain of thought"),
        ("混合专家", "mixture of experts"),
        ("稀疏激活", "sparse activation"),
        ("推荐系统", "recommender system"),
        ("冷启动", "cold start"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a term and its English, both in a bracket: a textbook's label, or a remark naming a term
        ("**定理 2.1（一阶条件，first-order condition）** 设 $f$ 可微。", {("一阶条件", "first-order condition")}),
        ("于是用一个随机样本（或一个小批量，mini-batch）的梯度代替。", {("小批量", "mini-batch")}),
        # ... but another name of the term before the bracket (简称, 又称) leaves it the term's; an instance's name
        # (ImageNet) glosses no class of it
        ("大语言模型（简称大模型，large language model）很强。", {("大语言模型", "large language model")}),
        ("知识蒸馏（蒸馏，knowledge distillation）是一种压缩方法。", {("知识蒸馏", "knowledge distillation")}),
        # ... or a short name that shares its head
        (
            "推理系统普遍采用预填充与解码分离（PD 分离，prefill-decode disaggregation）的架构。",
            {("预填充与解码分离", "prefill-decode disaggregation")},
        ),
        # ... but an example of it is the bracket's own term, and so is a narrower term in Chinese alone
        ("对于含权债券（如可赎回债券，callable bond），应使用有效久期。", {("可赎回债券", "callable bond")}),
        (
            "模型采用了一种新的注意力机制（稀疏注意力机制，sparse attention mechanism）。",
            {("稀疏注意力机制", "sparse attention mechanism")},
        ),
        ("我们在一个大规模数据集（图像数据集，ImageNet）上预训练。", set()),
        ("它维护一个状态栈，决定是把单元压栈（移进，shift）还是归约。", {("移进", "shift")}),
        # ... not a remark that names no term (作者 "author"), nor a description
        ("这本书（作者，John Smith）很好。", set()),
        ("股票回购（公司买回自己的股票，share buyback）很常见。", set()),
        ("该方法（我们的方法，ours）最好。", set()),
        # a remark after the gloss: a pointer, a plural, another rendering (below knowledge: 特质 is no "trait")
        ("多个类囊体堆叠成叶绿饼（granum，复数为 grana）。", {("叶绿饼", "granum")}),
        ("内存（memory，见第 3 章）是稀缺资源。", {("内存", "memory")}),
        ("memory（内存，见第 3 章）是稀缺资源。", {("内存", "memory")}),
        ("trait（特征，也译作特质）定义了共享行为。", {("特征", "trait")}),
    ],
)
def test_a_bracket_may_hold_the_term_or_a_remark_beside_the_english(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("电子传递链（electron transport chain，ETC）在内膜。", ("电子传递链", "electron transport chain", "ETC")),
        ("运筹学（OR）研究最优决策。", ("运筹学", "OR", None)),
        ("自治系统（AS）之间用 BGP 交换路由。", ("自治系统", "AS", None)),
    ],
)
def test_an_acronym_is_no_function_word_it_spells(text, expected):
    assert {(c.zh, c.en, c.abbr) for c in extract_pairs(text)} == {expected}


def test_a_brand_in_lower_camel_case_is_no_name_of_code():
    assert pairs("eBay（易贝）是一家公司。", minimum=0.0) == {("易贝", "eBay")}
    assert pairs("BERT 全称为 Bidirectional Encoder Representations from Transformers。", minimum=0.0) == set()


def test_a_name_that_is_the_pinyin_of_its_chinese_is_no_instance_of_it():
    (found,) = extract_pairs("鲲鹏（Kunpeng）很强。")
    assert found.confidence >= 0.5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an abbreviation named after the bracket
        ("直接偏好优化（Direct Preference Optimization），简称 DPO。", ("Direct Preference Optimization", "DPO")),
        ("完全分片資料平行（Fully Sharded Data Parallel），以下簡稱FSDP。", ("Fully Sharded Data Parallel", "FSDP")),
        ("梯度下降（gradient descent），简称 SGD。", ("gradient descent", None)),  # (not the English's letters)
        # an abbreviation in marks before the bracket that spells it out, as one without them
        ("**IVF**（倒排文件索引，Inverted File Index）中", ("Inverted File Index", "IVF")),
        ("*Large Language Model*（大语言模型，LLM）很火。", ("Large Language Model", "LLM")),
    ],
)
def test_an_abbreviation_named_beside_the_gloss_is_the_pairs(text, expected):
    (found,) = extract_pairs(text)
    assert (found.en, found.abbr) == expected
    assert text[found.en_start : found.en_end] == found.en


@pytest.mark.parametrize("text", ["这个按钮（THIS BUTTON）会删除数据。", "查询里用了 IN 子句（IN clause）。"])
def test_words_in_capitals_are_function_words_where_the_english_is_more_than_an_acronym(text):
    assert not extract_pairs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("往返时间（round-trip time RTT）很重要。", ("往返时间", "round-trip time", "RTT")),
        ("RTO是根据往返时间，也就是RTT round-trip time来动态计算的。", ("往返时间", "round-trip time", "RTT")),
        # ... not letters that are no initials of the words beside them
        ("支持向量机（SVM classifier）效果好。", ("支持向量机", "SVM classifier", None)),
    ],
)
def test_an_abbreviation_beside_its_words_is_the_pairs_abbreviation(text, expected):
    found = {(c.zh, c.en, c.abbr) for c in extract_pairs(text)}
    assert expected[1:] in {(en, abbr) for _, en, abbr in found}
    assert all(text[c.en_start : c.en_end] == c.en for c in extract_pairs(text))


def test_full_width_letters_gloss_as_ascii_ones():
    text = "我们使用大语言模型（Ｌａｒｇｅ Ｌａｎｇｕａｇｅ Ｍｏｄｅｌ，ＬＬＭ）来做事。"
    assert {(c.zh, c.en, c.abbr) for c in extract_pairs(text)} == {("大语言模型", "Large Language Model", "LLM")}


@pytest.mark.parametrize(
    "sentence",
    [
        "在IFEVAL上，8B和70B的差距还是很明显的(80.4/87.5)。",  # scores
        "原文见：IFEval Dataset | Papers With Code[1]。",  # a reference
        "最早的系统性工作是Toolformer（Schick et al., 2023）。",  # an author-year citation
        "反向过程则学习逐步去噪（Ho et al., 2020; Song and Ermon 2019）。",  # two
        "大约Claude 3 Kaiku的性能(again,相当不错)。",  # a remark
        "读者可以参考经典教材（see Bishop, Chapter 9）中的比较。",  # ... in English
        "在梯度的范数超过某个阈值（e.g., 1.0）时把它缩小。",
        "正则化系数（typically chosen by cross-validation）很重要。",
        "比如 GPT-4o（OpenAI）。",  # a Chinese term holds Chinese: no Latin name is one
        "比如 Mooncake 和 DistServe（OSDI 2024）。",
        "都在大致相同的范围内(MMLU约为85)。",  # a sentence-like parenthetical
        "通常被分成更大的组(NVIDIA称之为warps)。",  # Chinese in the English slot
        "其时间步从(i+1)到(i+T)。",  # arithmetic
        "可以把复杂度降到 O(n log n)。",  # a formula's variables
        "混合代码/arxiv 数据也很多。",  # a slash list of two items, the second a compound that goes on
        "计算通道维上的和(axis=1)。",  # code
        "训练过程（Algorithm 1）如下所示。",  # a numbered part of the document
        "这一结论见命题（Proposition 2）。",  # another
        "该公司（Google DeepMind）发布了新模型。",  # a name of an instance of what the Chinese says
        "我们用的深度学习框架（PyTorch）很好。",  # ... a name made of words (Torch), however like an acronym
        "这个改进版本（AdamW）如今已经成为标准。",
        "我们用本地模型（Ollama）来跑推理。",  # ... a name no dictionary's English holds
        "前端用的框架（Vue）也要升级。",
        "模型在HumanEval（代码生成基准）上得分为72.0。",  # ... a description of a name
        "A100（参见 GPU 章节）很贵。",  # ... or a pointer, with a Latin word the name does not hold
        "GPU（图形处理器 GPU）常用于训练。",  # ... or a gloss that repeats the name
        "项目结构为 src/models 和数据/data 两个目录。",  # a slash pair after a path: a path too
        "训练中要定期保存 checkpoint（保存 checkpoint 的频率）。",  # ... or a description around it
        "加载模型（调用 AutoModelForSequenceClassification.from_pretrained）即可。",
        "后用于创建锚框的四角坐标(xmin,xmax,ymin,ymax)。",  # a list of names
        "子词分词（BPE、WordPiece、Unigram）是当前主流。",  # examples of what the Chinese names
        "请发送至技术支持（support@163.com）。",  # an address, not a metric's cut-off
        "调用`torch.nn.Linear(in_features)`构建全连接层。",  # a code span
        "生成时要设置 max_tokens（生成的最大长度）。",  # a name of code, outside a code span, and what it holds
        "调用 model.generate（生成）即可。",
        "BERT（Devlin et al.，谷歌）很有名。",  # a name, its authors and its maker: BERT abbreviates neither
        "模型在知识问答（5-shot）上得分很高。",  # a setting, not a name: a number and one word
        "他后来总结道（now I understand everything）。",  # a sentence: an I inside it is no numeral
        "常用的评估指标（BLEU score）有很多。",  # a name for two generic words is no equivalent
        "详见 https://example.org/预训练(pre-training) 一文。",  # a URL
        "公式 $f(x)$ 中的函数(function) 在代码 `g(y)` 里。",  # math and code around
    ],
)
def test_what_is_not_a_translation_never_passes_as_knowledge(sentence):
    found = pairs(sentence)
    assert not {(zh, en) for zh, en in found if en in {"again", "i", "axis", "xmin", "torch", "in_features"}}
    assert all(en not in sentence.split("`")[1::2] for _, en in found)  # nothing from a code span
    if "$" in sentence or "http" in sentence or "`" in sentence:
        assert ("函数", "function") not in found or "$" in sentence
    else:
        assert found == set()


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: 测试（front matter）\n---\n我们使用强化学习（reinforcement learning）。",  # YAML front matter
        '+++\ntitle = "测试（front matter）"\n+++\n我们使用强化学习（reinforcement learning）。',  # TOML
        "---\nTitle: 测试（front matter）\n...\n我们使用强化学习（reinforcement learning）。",  # YAML's own end
        "我们使用强化学习（reinforcement learning）。\n\n<PRE>\n预格式（preformatted）\n</PRE>",  # any case
        "我们使用强化学习（reinforcement learning）。\n\n<pre>\n预格式（preformatted）\n</pre>",  # raw HTML
        '我们使用强化学习（reinforcement learning）。<code class="x">代码（code）</code>',
    ],
)
def test_front_matter_and_html_code_in_markdown_hold_no_terms(text):
    assert pairs(text, minimum=0) == {("强化学习", "reinforcement learning")}


@pytest.mark.parametrize(
    "text",
    [
        "---\n开篇先讲强化学习（reinforcement learning）。\n---\n",  # a rule at the start is no front matter
        "---\n注意: 本节假设读者熟悉强化学习（reinforcement learning）。\n\n---\n",  # ... nor a label under one
        "---\nA: 强化学习（reinforcement learning）是什么？\n---\n",  # ... nor a dialogue
        # a tag named in prose, in code spans, opens no block of code
        "`<pre>` 标签之后才讲强化学习（reinforcement learning），以 `</pre>` 结束。",
    ],
)
def test_prose_that_only_looks_like_front_matter_or_html_code_keeps_its_terms(text):
    assert pairs(text) == {("强化学习", "reinforcement learning")}


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        # the Latin after 称为 starts a Chinese term (TLB未命中), it is not the English of what comes before
        ("这种情况称为TLB未命中（TLB miss），代价很高。", ("情况", "TLB")),
        ("纹理坐标也叫 UV 坐标（UV coordinates）。", ("纹理坐标", "UV")),
        ("如果在函数中添加控制流，即Python语句，会发生什么？", ("控制流", "Python")),
        # a demonstrative and a short noun refer back to what the text describes; the English names it
        ("这种方法也称为LoRA，是一种高效微调方法。", ("方法", "LoRA")),
        # a Chinese term glossed right after has an English of its own
        ("传统方法用一个训练好的 GMM，即通用背景模型（universal background model，UBM）。", ("通用背景模型", "GMM")),
        # what follows a Chinese term's gloss explains the term; it is no name of the English
        ("文档要先被切分成一个个词项（term），即索引的基本单位。", ("索引的基本单位", "term")),
        # 即 reads on over Latin only inside a frame that 的 closes before more Chinese (带 is a verb as often)
        ("HTTPS，即带 TLS 的 HTTP 协议，是加密的 HTTP。", ("带TLS", "HTTPS")),
        # (two words that say one of the English's: nothing says "commit")
        ("two-phase commit，即两阶段提交需要一个协调者。", ("两阶段", "two-phase commit")),
        ("这个实现用的是两阶段 TPC（two-phase commit）。", ("两阶段", "two-phase commit")),
        # (not before a suffix jieba cut off, or one it glued to the next word)
        ("precision and recall，即精确率和召回率都很高。", ("召回", "recall")),
        ("projector，即投影层把视觉特征映射到文本空间。", ("投影", "projector")),
        ("perplexity，即困惑度越低越好。", ("困惑", "perplexity")),
        # (what someone once called it, or a translation into a language, is no usage)
        ("关于 fine-tuning，论文里译成微调的较多。", ("微调的较多", "fine-tuning")),
        ("关于 API，文档已经翻译成中文。", ("中文", "API")),
        ("关于 MoE，大家叫法不一。", ("法不一", "MoE")),
        ("关于 overfitting，有人称之为模型的记忆。", ("模型的记忆", "overfitting")),
        ("关于 embedding，有人叫嵌入向量，但严格来说不对。", ("嵌入向量", "embedding")),
        ("关于 throughput，我觉得叫英文原词更好。", ("英文原词更好", "throughput")),
        # (the 即 cut is where the English is said, or one suffix further: not past other words to a predicate)
        ("vector database，即向量数据库存储了所有文档的嵌入。", ("向量数据库存储", "vector database")),
        ("matrix multiplication，即矩阵乘法占了大部分计算。", ("矩阵乘法占", "matrix multiplication")),
        ("cache，即缓存命中时直接返回缓存中的结果。", ("缓存命中时直接返回缓存", "cache")),
    ],
)
def test_an_apposition_pairs_only_a_name_with_a_name(sentence, wrong):
    assert wrong not in pairs(sentence, minimum=0.0)


def test_a_span_short_of_a_de_phrase_leaves_out_no_word_the_dictionary_lacks():
    # 显存 ("GPU memory") is no word of CC-CEDICT's: it may say what 单张 GPU leaves unsaid
    assert not any(zh.startswith("单张") for zh, _ in pairs("单张 GPU 的显存（GPU Memory）已经不够用。", minimum=0.0))
    # ... unless the span says all the English already (超参 "hyperparameters" is not the term)
    assert pairs("本节讨论知识蒸馏的超参（knowledge distillation）设置。", minimum=0.0) == {
        ("知识蒸馏", "knowledge distillation")
    }


def test_a_span_of_fewer_members_than_the_english_says_them_all():
    # (nothing says distillation: 等 left it out)
    found = pairs("模型压缩包括剪枝和量化（pruning, quantization, and distillation）等方法。", minimum=0.0)
    assert not any("剪枝" in zh for zh, _ in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # names sharing a head word, each with a word its member says, pair member by member ...
        (
            "我们比较批归一化和层归一化（batch normalization, layer normalization）的效果。",
            {("批归一化", "batch normalization"), ("层归一化", "layer normalization")},
        ),
        (
            "我们把数据划分为训练集和测试集（training set, test set）。",
            {("训练集", "training set"), ("测试集", "test set")},
        ),
        # ... not where the last member says another name's own word: two names of it (模型 is context)
        (
            "我们先定义模型和损失函数（loss function, cost function）。",
            {("损失函数", "loss function"), ("损失函数", "cost function")},
        ),
        # ... nor where a member says neither
        (
            "我们先加载模型和词向量（word embedding, word vector）。",
            {("词向量", "word embedding"), ("词向量", "word vector")},
        ),
        (
            "我们先定义网络和损失函数（cost function, loss function）。",
            {("损失函数", "loss function"), ("损失函数", "cost function")},
        ),
        # (where the dictionary misses the last member's own word, the members before it say theirs: 最终 is "final")
        (
            "强一致性和最终一致性（strong consistency, eventual consistency）是两种一致性模型。",
            {("强一致性", "strong consistency"), ("最终一致性", "eventual consistency")},
        ),
        (
            "監督學習和無監督學習（supervised learning，unsupervised learning）是兩大類。",
            {("监督学习", "supervised learning"), ("无监督学习", "unsupervised learning")},
        ),
        # (a full-width comma between the names, as between any others)
        (
            "在线学习和离线学习（online learning，offline learning）适用于不同场景。",
            {("在线学习", "online learning"), ("离线学习", "offline learning")},
        ),
        (
            "服务的可用性和可靠性（availability，reliability）需要评估。",
            {("可用性", "availability"), ("可靠性", "reliability")},
        ),
    ],
)
def test_names_sharing_words_pair_member_by_member_where_each_member_says_its_own(sentence, expected):
    assert pairs(sentence, minimum=0.0) == expected


def test_names_in_another_order_than_the_members_are_no_list():
    # (each member says the other's name better: its own, or none, not the other's)
    found = pairs("本文讨论了监督学习与无监督学习（unsupervised learning, supervised learning）的区别。", minimum=0.0)
    assert ("监督学习", "unsupervised learning") not in found
    found = pairs("我们比较了有监督学习和自监督学习（self-supervised learning, supervised learning）。", minimum=0.0)
    assert ("有监督学习", "self-supervised learning") not in found


def test_a_prepositional_phrase_in_capitals_is_no_name():
    # (a name of three words or more may start with a function word: At Most Once)
    assert pairs("这些资源默认情况下（By Default）不会被删除。消息按顺序（In Order）送达。", minimum=0.0) == set()


def test_a_slash_between_a_word_and_a_longer_name_joins_one_name():
    text = "数据库支持读写锁（read/write lock）。该系统采用主从复制（master/slave replication）。"
    text += "训练/推理时的键值缓存（key/value cache）很大。"
    found = pairs(text)
    assert {
        ("读写锁", "read/write lock"),
        ("主从复制", "master/slave replication"),
        ("键值缓存", "key/value cache"),
    } <= found
    assert not {en for _, en in found} & {"read", "write lock", "master", "key"}
    # ... where the Chinese writes a slash too and the span would start at it, its first member is cut off
    assert pairs("采用编码器/解码器架构（encoder/decoder architecture）。", minimum=0) == set()
    # ... but names on both sides of a slash are alternatives (a word alone too: label/target)
    text = (
        "残差连接（residual connection/skip connection）、标签（label/target）、灰度/金丝雀发布（canary release/canary "
    )
    text += "deployment）、分词器（tokenizer/tokeniser）。"
    found = pairs(text, minimum=0)
    assert {
        ("残差连接", "residual connection"),
        ("残差连接", "skip connection"),
        ("标签", "label"),
        ("标签", "target"),
        ("金丝雀发布", "canary deployment"),
        ("分词器", "tokeniser"),
    } <= found


def test_members_with_nothing_in_common_are_terms_as_written():
    found = pairs("我们先做分词和词性标注（tokenization and part-of-speech tagging）。", minimum=0.0)
    assert found == {("分词", "tokenization"), ("词性标注", "part-of-speech tagging")}
    # ... and a member that is a name already (an acronym, a plural) takes no head
    found = pairs("大语言模型和扩散模型（LLMs and diffusion models）很火。", minimum=0.0)
    assert ("扩散模型", "diffusion models") in found and not any(
        en.endswith("models") and "LLM" in en for _, en in found
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "然后使用被TensorFlow团队称为autograph的功能。",
        "注意力机制被业界称为attention。",
        # a list in Chinese, alternatives in English: the Chinese before 、 is not read as a member
        "这种“服务器是牲口、不是宠物”（cattle, not pets）的理念。",
        # an apposition's English before a localiser names a place (before the LM Head), not the Chinese
        "指的是倒数第二层的输出，也就是 LM Head 之前的隐状态。",
        "数据存放在显存，即 GPU 上的内存。",
        # the rest of a date is no term's start (but 年度报告 "annual report" is, and 日元 "JPY")
        "2022年5月TerraUSD（UST）崩盘。",
        # a clause after 即: 为|数据 "for the data" is no 为数 "a number of" (a word rarer than the 数据 it would cut)
        "Data augmentation，即为数据添加扰动，可以提升鲁棒性。",
        "Indexing，即为数据表建立索引，可以加快查询。",
    ],
)
def test_no_pair_where_the_chinese_is_not_what_the_english_names(sentence):
    assert pairs(sentence, minimum=0.0) == set()


def test_an_apposition_of_two_names_is_a_pair():
    assert ("低秩适配", "LoRA") in pairs("低秩适配，也称为LoRA，是一种高效微调方法。", minimum=0.0)
    assert ("TLB未命中", "TLB miss") in pairs("这种情况称为TLB未命中（TLB miss），代价很高。")


def test_a_suffixed_word_meets_its_base_in_y_and_no_other_word_gains_one():
    from glossary.extract.english_side import EnglishSide

    assert {"ready", "happy"} <= EnglishSide.of("readiness happiness").stems
    assert not {"tray", "multy", "semy"} & EnglishSide.of("pre-training multi-head semi-join").stems


def test_english_words_keep_their_diacritics():
    from glossary.extract.english_side import EnglishSide

    side = EnglishSide.of("Fréchet inception distance")
    assert len(side.vocabulary) == 3 and "fréchet" in side.said  # not "fr" and "chet"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("工作（Schick et al., 2023）", True),
        ("工作（Smith and Jones 2019a; Lee, 2021）", True),
        ("系统（OSDI 2024）", True),  # a venue and a year
        ("系统（Windows Server 2019）", True),  # a version: no translation either
        ("数据集（PASCAL VOC）", False),
    ],
)
def test_author_year_citations_are_masked(text, masked):
    from glossary.extract.patterns import MASK, mask

    assert (MASK in mask(text)) is masked


def test_an_example_that_is_not_an_equivalent_stays_below_knowledge():
    text = "我们有相当标准的架构(MoE transformer)、标准目标(下一个单词预测)。"
    assert pairs(text) == set()
    assert pairs(text, minimum=0.0)  # kept as a low-confidence candidate, not thrown away


@pytest.mark.parametrize(
    "text",
    [
        "我们在一块消费级显卡（RTX 4090）上训练了模型。",
        "优化器把梯度（FP16）累加到主权重上。",
        "我们在图像分类（CIFAR-10）上做实验。",
        # ... or with another number (a cluster's name, a version)
        "适用范围：prod-bj-01 / prod-sh-02 集群（Kubernetes v1.28.6，容器运行时 containerd 1.7）",
    ],
)
def test_a_numbered_name_for_chinese_without_the_number_stays_below_knowledge(text):
    # a product, a format, a dataset: an instance of what the Chinese names, more often than its translation
    assert pairs(text) == set()
    assert pairs(text, minimum=0.0)


def test_a_numbered_name_whose_chinese_writes_the_number_is_a_translation():
    assert pairs("处理器还有三级缓存（L3 cache），容量更大。") == {("三级缓存", "L3 cache")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("先说通用能力的基准测试（benchmark）。面向Agent的基准更强调多步交互。", ("基准测试", "benchmark")),
        (
            "现代操作系统通常采用多级反馈队列（multilevel feedback queue）。现代处理器采用多级缓存结构。",
            ("多级反馈队列", "multilevel feedback queue"),
        ),
    ],
)
def test_a_word_seen_twice_after_the_same_particle_is_no_fragment(text, expected):
    # 基准 after 的 twice, 多级 after 采用 twice: a phrase boundary before it, not the head of a longer unit.
    assert expected in pairs(text)


def test_spacing_variants_count_as_one_span():
    from glossary.extract import CorpusStats, prepare

    text = "根据 CAP 定理（CAP theorem），系统无法同时满足三者。"
    stats = CorpusStats.build(prepare(text).spans(), [text, "CAP定理很重要。", "这是 CAP 定理 的推论。"])
    assert stats.count("CAP定理") == 3


def test_a_text_in_its_own_corpus_counts_once():
    text = "我们借助回译（back-translation）扩充数据。"
    assert extract_pairs(text, [text]) == extract_pairs(text)
    assert [c.zh for c in extract_pairs(text)] == ["回译"]


def test_sub_terms_are_derived_where_the_parts_align_and_stand_alone():
    text = "(a)预训练阶段(pre-training stage)：算法相对直接。\n(b)后训练阶段(post-training stage)：算法比较丰富。"
    corpus = ["预训练需要大量数据。", "后训练的算法比较丰富。", "每个阶段的目标不同。"]
    found = extract_pairs(text, corpus)
    derived = {(zh_key(c.zh), c.en) for c in found if c.parent is not None}
    assert {("预训练", "pre-training"), ("后训练", "post-training"), ("阶段", "stage")} <= derived
    for c in found:
        if c.parent is not None:
            parent = found[c.parent]
            assert c.zh in parent.zh and c.confidence < parent.confidence


def test_a_part_gives_way_to_the_authors_own_gloss_of_its_english():
    compound = "最后用多数投票（majority voting）结合各个分类器。"
    corpus = ["多数情况下如此。", "投票的结果。"]
    derived = {(zh_key(c.zh), c.en) for c in extract_pairs(compound, corpus) if c.parent is not None}
    assert ("投票", "voting") in derived
    found = {(zh_key(c.zh), c.en) for c in extract_pairs("分类任务使用投票法（voting）。" + compound, corpus)}
    assert ("投票法", "voting") in found and ("投票", "voting") not in found


def test_a_part_the_corpus_never_uses_alone_is_not_a_term():
    # 大语言 only ever occurs inside 大语言模型: "Large Language" is not a term of its own, 语言模型 would be.
    text = "大语言模型（Large Language Model）是当前的热点。"
    derived = {zh_key(c.zh) for c in extract_pairs(text, ["模型很大。"]) if c.parent is not None}
    assert "大语言" not in derived


def test_the_corpus_decides_between_a_unit_and_its_fragment():
    # 全连接层 recurs as a unit; 连接层 never occurs without 全: the term is the whole unit.
    corpus = ["全连接层的输出。", "两个全连接层。", "最后是全连接层。"]
    assert ("全连接层", "fully-connected layer") in pairs("这一单层被称为全连接层（fully-connected layer）。", corpus)


def test_a_term_does_not_start_inside_a_unit_of_two_words_that_recurs_after_varied_neighbours():
    # No dictionary says "epoch" for 迭代 or 周期. 周期 is nearly always the tail of 迭代周期, which recurs after 个,
    # 加, 在 ... (迭代 stands alone often: no cohesion); and 每|个, as jieba cuts it, counts what follows
    corpus = [
        *("每个迭代周期结束时评估一次。", "我们训练了十个迭代周期。", "第一个迭代周期很慢。", "增加迭代周期的数量。"),
        *("在迭代周期之间保存模型。", "时钟周期很短。", "这个周期很长。"),
        *("梯度下降会迭代地更新参数。", "每次迭代都要计算梯度。", "迭代次数不宜太多。", "算法迭代多次后收敛。"),
        *("这个迭代过程很慢。", "我们迭代地改进模型。", "每一轮迭代更新一次。", "迭代的步长是固定的。"),
        *("固定点迭代很简单。", "迭代器返回小批量。", "迭代求解方程。", "经过三次迭代。", "迭代算法很常见。"),
        *("使用迭代法。", "迭代更新权重。"),
    ]
    assert pairs("在每个迭代周期（epoch）中，我们遍历整个数据集。", corpus) == {("迭代周期", "epoch")}


def test_a_unit_that_recurs_after_varied_neighbours_is_not_cut_where_its_tail_also_stands_alone():
    # 模态 also stands alone (单独的模态), so what comes before it varies; but 多模态 recurs after 从, 种, 是: the
    # term starts at 多, although no letter of VLM says it, and 多 leads to many other words
    corpus = [
        "很多人用多个模型做更多的事，多数时候差不多。",
        "本章从多模态开始。",
        "这是一种多模态数据。",
        "主要方向是多模态数据。",
        "在单独的模态上训练。",
        "用适配器桥接模态。",
    ]
    assert pairs("可以对多模态图文模型（VLM）进行微调。", corpus) == {("多模态图文模型", "VLM")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # jieba reads 对流 "convection": the English says 流 "stream", and 对 is the preposition
        ("很多人对流处理（stream processing）的第一印象是实时。", ("流处理", "stream processing")),
        # ... but not 象 "elephant"; and 按 of 按序 "in order" is no function word (序 "sequence" or not)
        ("日志写入对象存储（object storage）。", ("对象存储", "object storage")),
        ("而按序存取（sequential access）相对开销较小。", ("按序存取", "sequential access")),
    ],
)
def test_a_term_may_start_after_a_preposition_jieba_glued_to_it(text, expected):
    assert pairs(text) == {expected}


def test_a_term_may_start_after_a_verb_jiebas_guess_glued_to_it():
    # jieba guesses 讲微 a word; 微 says the "micro" of microfacet, and 讲 "to speak" nothing
    assert pairs("我们会进入PBR，讲微表面理论（microfacet theory）。") == {("微表面理论", "microfacet theory")}
    # ... but a verb character mostly bound in words stays (预 of 预写式日志)
    assert pairs("数据库使用预写式日志（write-ahead logging）。") == {("预写式日志", "write-ahead logging")}


def test_a_term_does_not_start_inside_a_dictionary_word_whose_part_left_out_the_english_says():
    # jieba lists 检查点 whole; 查点 is a word too ("to check and count"), but 检 says the "check" of checkpoint
    assert pairs("训练时定期保存检查点（checkpoint）。") == {("检查点", "checkpoint")}
    # ... while 多 of 多通道 says nothing of "channel"
    assert pairs("卷积层可以有多通道（channel）。") == {("通道", "channel")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # jieba reads 做主 "to decide"; 主 says the "principal" (做 "to compose" only seems to say "component")
        ("接着做主成分分析（principal component analysis）。", ("主成分分析", "principal component analysis")),
        # ... as 握手 says "handshake", where jieba reads 把握 "to grasp"
        ("可以把握手协议（handshake protocol）看作三步。", ("握手协议", "handshake protocol")),
        # ... not where the English says the preposition (在 "in"), nor for a lone character (功 of 做功)
        ("PyTorch的在位操作（in-place operation）会修改张量。", ("在位操作", "in-place operation")),
        # ... but a verb is read whole where the English does not say its second character
        ("这一步用于数据清洗（data cleaning）。", ("数据清洗", "data cleaning")),
    ],
)
def test_a_term_may_start_inside_a_verb_that_a_clause_word_opens(text, expected):
    assert pairs(text) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # jieba lists the phrase 记录时间 "record time", which CC-CEDICT does not; 时间戳 is a word of both
        ("系统会记录时间戳（timestamp）以便排序。", ("时间戳", "timestamp")),
        # ... where two nouns are a compound, which one English word may translate whole
        ("现代处理器普遍采用这种体系结构（architecture）。", ("体系结构", "architecture")),
        ("请定期进行数据备份（backup）。", ("数据备份", "backup")),
        # ... but a span keeping the 的 of a frame keeps its opener (面向 of 面向对象, a phrase of jieba's)
        (
            "面向对象的影像分析（Object-Based Image Analysis，OBIA）方法随之兴起。",
            ("面向对象的影像分析", "Object-Based Image Analysis"),
        ),
    ],
)
def test_a_term_may_start_inside_a_phrase_of_jiebas_that_the_dictionary_does_not_list(text, expected):
    assert pairs(text) == {expected}


AGENTS = [
    "多智能体系统很复杂。",
    "每个智能体都有记忆。",
    "我们设计的智能体会调用工具。",
    "这个智能体失败了。",
    # 智能 "intelligent" mostly goes without 体, and 体 ends many words
    "具体来说，整体上看，媒体、个体、实体、主体和载体都不同。",
    *(f"智能{x}很重要。" for x in "手机 客服 推荐 搜索 驾驶 家居 制造 交通".split()),
    *(f"智能{x}很重要。" for x in "医疗 教育 安防 金融 物流 农业 芯片 电视".split()),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # jieba does not know 智能体 and leaves 体 "body" alone; the corpus keeps 智能体 together
        ("使用智能体框架（agent framework）开发。", ("智能体框架", "agent framework")),
        ("强调了智能体-计算机接口（Agent-Computer Interface）。", ("智能体-计算机接口", "Agent-Computer Interface")),
        # ... but a character the English says may start the term, whatever word it ends elsewhere (数据块)
        ("数据块大小（block size）很重要。", ("块大小", "block size")),
    ],
)
def test_a_term_does_not_start_with_the_last_character_of_a_word_jieba_does_not_know(text, expected):
    assert pairs(text, [*AGENTS, "数据块的大小。", "读取数据块。", "这个数据块。"]) == {expected}


def test_a_classifier_phrase_that_recurs_after_varied_words_is_no_unit_a_term_is_cut_from():
    from glossary.extract.boundary import _fragment_evidence

    text = "我们训练了每个模型（model）。"
    corpus = ["这个模型很大。", "一个模型不够。", "两个模型相同。", "每个模型都要训练。"]
    stats = CorpusStats.build(prepare(text).spans(), [text, *corpus])
    # 个模型 recurs after 这, 一, 两, 每, and 模型 never stands without 个: still, 个 ends a phrase
    assert (stats.count("个模型"), stats.count("模型")) == (5, 5)
    assert _fragment_evidence(stats, "模型", "个") == 0.0


def test_a_classifier_character_that_counts_nothing_may_head_a_term():
    from glossary.extract.boundary import _fragment_evidence

    # 位 is a classifier (三位专家), but 位姿 follows 的, 对, 了, 用: no numeral, so 位 counts nothing there, and
    # 姿, which never stands without it, is a fragment of the unit
    text = "我们使用位姿（pose）这个概念。"
    corpus = ["机器人的位姿会漂移。", "对位姿做优化。", "保留了位姿节点。", "估计相机位姿。", "有三位专家。"]
    stats = CorpusStats.build(prepare(text).spans(), [text, *corpus])
    assert _fragment_evidence(stats, "姿", "位") == 1.0
    # ... but one after 多, 单, 整 counts as it does after a numeral (多个智能体 no unit 个智能体)
    agents = ["多个智能体协作。", "多个智能体竞争。", "单个智能体学习。", "整个智能体系统。", "一个智能体。"]
    assert pairs("我们为每个智能体（agent）分配奖励。", agents) == {("智能体", "agent")}
    assert pairs(text, corpus) == {("位姿", "pose")}
    # ... nor does a term start inside it where jieba cut 位|姿图|优化
    text += "只保留位姿节点，就得到了位姿图优化（pose graph optimization）。"
    assert pairs(text, corpus) == {("位姿", "pose"), ("位姿图优化", "pose graph optimization")}


def test_a_device_word_says_the_english_of_the_verb_it_is_made_from():
    # 触发器 is only "flip-flop" to CC-CEDICT, 触发 "trigger": not an example in brackets, a translation
    assert pairs("窗口何时输出结果，则由触发器（trigger）决定。") == {("触发器", "trigger")}
    # ... which the verb after it says again: the device is context
    assert pairs("机器人通过传感器感知（sensing）周围环境。") == {("感知", "sensing")}


def test_a_classifier_the_corpus_sees_before_a_term_still_counts_it():
    # 每个锚框 elsewhere makes 个锚框 recur; a classifier counts what follows it, unless the English says it
    for counted in ("若干个锚框", "9 个锚框"):
        found = pairs(f"RPN 为每个位置预设{counted}(anchor boxes)。", ["网络预测每个锚框是否包含物体。"])
        assert found == {("锚框", "anchor boxes")}


def test_a_clause_verb_is_cut_from_the_character_jieba_glued_it_to_only_in_a_phrase():
    assert _inner_cuts("用布") == (1,)  # "use cloth": no word CC-CEDICT lists
    assert _inner_cuts("用户") == ()  # "user", a word
    assert _inner_cuts("最大") == ()  # an adverb, which takes no object: 最大池化 "max pooling"


def test_a_negation_is_one_word_with_what_it_negates_only_where_the_english_says_neither():
    assert join_negations(("非", "确定", "有限"), EnglishSide.of("NFA")) == ("非确定", "有限")
    assert join_negations(("非", "参数", "回归"), EnglishSide.of("nonparametric regression")) == ("非", "参数", "回归")


def test_a_name_of_three_letters_is_one_only_outside_title_case():
    assert "mel" in EnglishSide.of("Mel-frequency cepstral coefficients").spelled_names
    assert "mel" not in EnglishSide.of("Mel Frequency Cepstral Coefficients").spelled_names


def test_an_abbreviation_defined_in_the_corpus_is_spelled_out_inside_a_longer_name():
    definitions = (
        "近端策略优化（proximal policy optimization，PPO）最常用。修正线性单元（Rectified linear unit，ReLU）也是。"
    )
    text = "PPO 的一个变种是近端策略优化裁剪（PPO-clip），激活函数用参数化ReLU（Parameterized ReLU）。"

    def found(corpus: list[str]) -> dict[tuple[str, str], float]:
        prepared = [prepare(t) for t in corpus]
        stats = CorpusStats.build(spans_to_count(prepared), corpus)
        return {(zh_key(c.zh), c.en): c.confidence for c in resolve(text, prepared[-1], stats, abbreviations(prepared))}

    defined = found([definitions, text])
    # PPO-clip is weighed as "proximal policy optimization clip", which 近端策略优化裁剪 says word for word
    assert defined.get(("近端策略优化裁剪", "PPO-clip"), 0) >= 0.9
    # ... but an abbreviation the Chinese writes as it is stays as it is
    assert defined.get(("参数化ReLU", "Parameterized ReLU"), 0) >= KNOWLEDGE


def test_an_abbreviation_run_into_a_word_is_spelled_out_too():
    # DeepFM is weighed as "Deep factorization machines": 深度 says Deep
    text = "因子分解机（factorization machines，FM）很常用。在此基础上，深度因子分解机（DeepFM）替换了宽的部分。"
    assert ("深度因子分解机", "DeepFM") in pairs(text)


def test_a_clause_verb_repeated_with_a_term_in_the_document_is_still_context():
    text = (
        "对于凸优化问题，若还满足 Slater条件（Slater's condition），则强对偶性成立。"
        "SVM 的问题满足 Slater 条件（只要可分）。"
    )
    assert ("Slater条件", "Slater's condition") in pairs(text)


def test_english_first_reads_the_chinese_on_inside_a_frame_with_latin_and_chinese_in_it():
    # 基于 AI 反馈的: the Chinese after 即 does not end at AI (which gave 基于 / RLAIF, 0.65)
    text = "这种做法被称为 RLAIF，即基于 AI 反馈的强化学习（reinforcement learning from AI feedback）。"
    assert pairs(text, minimum=0.0) == {("基于AI反馈的强化学习", "reinforcement learning from AI feedback")}


def test_a_name_in_lower_case_before_its_english_and_chinese_gives_the_chinese_term():
    # futex is no acronym, but the bracket holds its English and Chinese as RAG（Retrieval-Augmented Generation，
    # 检索增强生成） does; Latin around 的 (Linux 的 futex) is never a term
    found = knowledge("Linux 的 futex（fast userspace mutex，快速用户空间互斥锁）就是这种设计的基础。")
    assert found == {("快速用户空间互斥锁", "fast userspace mutex", "futex")}
    assert knowledge("调用 fsync（file sync，文件同步）把数据落盘。") == {("文件同步", "file sync", "fsync")}
    # ... a name cut from the English's words: not a remark's two halves after a name (adamw, default settings)
    assert pairs("这里用 adamw（default settings，默认设置）训练。", minimum=0.0) == set()
    assert pairs("Linux 的 futex（fast userspace mutex）就是这种设计的基础。", minimum=0.0) == set()
    # (a bound suffix after Latin is a term's; so is a function word of two characters the English says)
    assert pairs("在中文 NLP 中，token 化（tokenization）是第一步。") == {("token化", "tokenization")}
    found = pairs("在强化学习里面，探索（exploration）和利用（exploitation）是两个很核心的问题。")
    assert found == {("探索", "exploration"), ("利用", "exploitation")}


def test_an_abbreviation_the_chinese_writes_in_the_name_is_not_spelled_out():
    text = "卷积神经网络（convolutional neural network，CNN）很常用。本节将介绍更快的R-CNN（Faster R-CNN）。"
    assert ("更快的R-CNN", "Faster R-CNN") in pairs(text)


def test_a_word_that_only_begins_like_a_prefix_is_no_longer_for_it():
    # concatenate is no co- + "ncatenate": it predicts one word's worth of Chinese, not two
    found = pairs("我们也可以把多个张量连结（concatenate）在一起。", minimum=0.0)
    assert ("连结", "concatenate") in found and ("张量连结", "concatenate") not in found


def test_a_span_is_no_fragment_of_a_unit_it_does_not_follow_the_head_of():
    # 束 nearly always follows 约 (约束 "constraint"), but here it follows 用: 束搜索 is no tail of 约束.
    corpus = [
        "这是一个约束。约束条件很多。满足约束的点。带约束的优化。无约束优化。约束集合。等式约束。",
        "精确线搜索的代价高。随机搜索也可以。搜索方向很重要。",
    ]
    assert ("束搜索", "beam search") in pairs("解码时通常使用束搜索（beam search）寻找最优的输出。", corpus)


def test_a_span_that_says_every_english_word_after_a_word_of_its_own_is_no_fragment():
    # the corpus puts 控制 "control" before 错误发现率 every time, but the rate says all of its English
    text = "他们提出控制错误发现率（false discovery rate）的方法。"
    assert ("错误发现率", "false discovery rate") in pairs(text, [text, "也可以控制错误发现率。"])


def test_an_unassigned_code_point_in_the_greek_range_is_no_crash():
    assert pairs("\u03a2函数（sigma function）。", minimum=0) <= {
        ("\u03a2函数", "sigma function"),
        ("函数", "sigma function"),
    }


def test_a_span_short_of_a_de_phrase_must_say_some_of_the_english():
    # 粗糙 "coarse" says nothing of "block": the term is not what stops before 的块, whatever its confidence
    assert pairs("通常在设计架构时考虑的是更粗糙的块（block）。", minimum=0) == {("块", "block")}


def test_a_joining_word_the_english_says_lets_a_span_hold_both_members_of_a_coordination():
    # 与 costs nothing where the English says "&": the span is 宽度与深度模型, whose members pair one for one (not
    # 深度模型 for all of "Wide & Deep model")
    found = pairs("为了同时学习高阶交互，谷歌提出了宽度与深度模型（Wide & Deep model），效果很好。", minimum=0)
    assert found == {("宽度", "Wide"), ("深度模型", "Deep model")}


def test_a_longer_span_keeps_the_credit_of_a_character_the_corpus_keeps_with_the_next_word():
    # 锚|框 (anchor box) recurs as a unit; 无锚|框检测 holds it as 锚|框检测 does, and 无 says "free"
    text = "近年来，还出现了不依赖预设锚框的无锚框检测（anchor-free detection）方法。"
    assert ("无锚框检测", "anchor-free detection") in pairs(text, ["每个锚框都有类别。锚框的大小不同。"])


def test_a_character_the_corpus_nearly_always_sees_before_the_next_word_starts_the_term():
    # jieba splits 位|姿 (pose), a word it does not know; the corpus keeps them together
    corpus = ["机器人的位姿由位置和姿态组成。", "估计相机位姿。", "位姿的表示有很多种。", "每一帧的位姿都要优化。"]
    text = "如果只优化位姿而不显式地优化路标，则称为位姿图优化（pose graph optimization）。"
    assert ("位姿图优化", "pose graph optimization") in pairs(text, corpus)


SEED_PAIRS = {
    ("预训练阶段", "pre-training stage"),
    ("后训练阶段", "post-training stage"),
    ("下一个词的预测", "next-word prediction"),
    ("指令跟随", "instruction following"),
    ("复杂度管理", "managing complexity"),
    ("大语言模型", "LLM"),
    ("智能体", "AI Agents"),
    ("去重", "de-duplication"),
    ("清洗", "data cleaning"),
}


@pytest.fixture(scope="module")
def seed_candidates():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return [c for text in texts for c in extract_pairs(text, [t for t in texts if t != text])]


def test_every_glossed_seed_pair_is_found_with_the_right_span(seed_candidates):
    found = {(zh_key(c.zh), c.en) for c in seed_candidates if c.confidence >= KNOWLEDGE}
    assert found >= SEED_PAIRS


def test_seed_sub_terms_are_derived(seed_candidates):
    derived = {(zh_key(c.zh), en_key(c.en)) for c in seed_candidates if c.parent is not None}
    assert {("后训练", "posttraining"), ("预训练", "pretraining")} <= derived


def test_no_seed_non_translation_passes_as_knowledge(seed_candidates):
    knowledge = {(zh_key(c.zh), c.en) for c in seed_candidates if c.confidence >= KNOWLEDGE}
    english = {en for _, en in knowledge}
    for not_english in ["80.4/87.5", "87.5/88.6", "again", "MMLU约为85", "MoE transformer", "1", "+9/-11"]:
        assert not_english not in english
    assert not any(zh.startswith(("使用", "介绍", "相当")) for zh, _ in knowledge)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=st.sampled_from(list("模型训练预后阶段的使用介绍（）()，,即/*“”和 abcdeLMS-\n`$1")), max_size=80)
)
def test_extractor_never_raises_and_every_span_points_at_its_text(text):
    for c in extract_pairs(text):
        assert text[c.start : c.end] == c.zh
        # a pair's English as written (or the abbreviation it spells out, or a member of a coordination with the head
        # the members share); a derived pair's is part of its parent's
        written = reading_text(text[c.en_start : c.en_end])  # (full-width letters read as ASCII ones)
        assert (
            c.en in (written, _with_shared_head(written, c.en)) or c.abbr == written
            if c.parent is None
            else c.en in written
        )
        assert 0.0 <= c.confidence <= 1.0
        assert c.parent is None or c.parent < len(text)


def _with_shared_head(written: str, english: str) -> str:
    """A member of a coordination as written before the others, and the head written after them all."""
    member, _, head = english.rpartition(" ")
    return english if member and written.startswith(member) and written.endswith(head) else written


def test_a_member_sharing_a_head_points_at_the_whole_coordination():
    text = "我们使用张量并行和流水线并行（tensor and pipeline parallelism）。"
    written = {c.en: text[c.en_start : c.en_end] for c in extract_pairs(text)}
    assert written == {
        "tensor parallelism": "tensor and pipeline parallelism",
        "pipeline parallelism": "pipeline parallelism",
    }


def test_an_english_trimmed_of_its_head_noun_is_still_as_written():
    text = "我们进行了数据清洗（data  cleaning methods）。"  # two spaces
    (pair,) = [c for c in extract_pairs(text) if c.parent is None]
    assert pair.en == text[pair.en_start : pair.en_end] == "data  cleaning"


def test_a_lone_surrogate_from_json_does_not_stop_extraction():
    text = "卷積神經網路（convolutional neural network）\ud83d 是"  # OpenCC cannot encode the surrogate
    (pair,) = extract_pairs(text)
    assert (pair.zh, pair.en) == ("卷積神經網路", "convolutional neural network")
    assert text[pair.start : pair.end] == pair.zh


def test_traditional_text_keeps_its_characters_in_pairs_and_evidence():
    text = "我們把資料分成驗證集（validation set）與測試集（test set）。"
    found = {c.zh: c for c in extract_pairs(text)}
    assert set(found) == {"驗證集", "測試集"}
    assert all(text[c.start : c.end] == c.zh and c.sentence == text for c in found.values())


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=120))
def test_extractor_never_raises_on_any_text(text):
    for c in extract_pairs(text):
        assert text[c.start : c.end] == c.zh


# Glossing prose from its parts: every pattern's frame, filled with a term and its English and words around the
# term, so that generated text reaches the patterns' rarer branches (a term ending the text right after a suffix:
# recall，即召回率)
_TERMS = [
    ("召回率", "recall"),
    ("编码器", "encoder"),
    ("多查询注意力", "multi-query attention"),
    ("均方误差", "mean squared error"),
    ("高斯", "Carl Friedrich Gauss"),
    ("大语言模型", "large language model"),
]
_ZH_WORDS = "率 两部分 组成 都 很高 的 和 了 占 层 数学家 学者 我们 使用 模型".split()
_FRAMES = [
    "{zh}（{en}）",
    "{zh} {abbr}（{en}）",
    "{en}，即{zh}",
    "关于 {en}，一般叫{zh}",
    "{zh}（{en}），也有人叫{zh}",
    "被称为{zh}，简称 {abbr}",
]


@st.composite
def _glossing_prose(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        term, en = draw(st.sampled_from(_TERMS))
        before, after = (draw(st.lists(st.sampled_from(_ZH_WORDS), max_size=3)) for _ in range(2))
        zh = "".join([*before, term, *after])
        abbr = draw(st.sampled_from(["MQA", "mse", "LLM", "CE"]))
        end = draw(st.sampled_from(["", "。", "，", "\n"]))
        parts.append(draw(st.sampled_from(_FRAMES)).format(zh=zh, en=en, abbr=abbr) + end)
    return "".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_glossing_prose())
def test_extractor_never_raises_on_glossing_prose(text):
    for c in extract_pairs(text):
        assert text[c.start : c.end] == c.zh


def test_a_span_far_shorter_than_its_acronym_predicts_is_not_knowledge():
    # RLHF stands for four words; 学习 is one: the letters give no other evidence, so the length decides.
    assert ("学习", "RLHF") not in pairs("我们对模型进行了基于人类反馈的强化学习（RLHF）。")
    assert ("大语言模型", "LLM") in pairs("它可以对大语言模型(LLM)进行微调。")


def confidence(text: str, zh: str, en: str) -> float:
    """The confidence of the pair glossed with ``en`` as written: an abbreviation glossed alone names its pair's
    abbreviation (see test_an_abbreviation_glossed_alone_is_a_sighting_of_the_pair_it_stands_for)."""
    (found,) = [
        c.confidence
        for c in extract_pairs(text)
        if c.parent is None and zh_key(c.zh) == zh and en == text[c.en_start : c.en_end] and en in (c.en, c.abbr)
    ]
    return found


def test_confidence_falls_with_the_english_a_span_leaves_unsaid():
    # 模型 says one of three words, and no word of it could say the other two: not trusted knowledge.
    whole = confidence("这是大语言模型（Large Language Model）的能力。", "大语言模型", "Large Language Model")
    part = confidence("我们研究了模型（Large Language Model）的能力。", "模型", "Large Language Model")
    assert part < 0.9 <= whole


def test_english_words_matched_one_for_one_by_as_many_chinese_words_pass_as_knowledge():
    # CC-CEDICT has 提示 only as "hint" and 注入 as "pour into"; two words for two words is a translation's shape
    # (one word for a name of two stays an example: test_an_example_that_is_not_an_equivalent_stays_below_knowledge)
    assert confidence("这种攻击叫作提示注入（prompt injection）。", "提示注入", "prompt injection") >= KNOWLEDGE


def test_an_expansion_of_the_abbreviation_before_it_translates_no_chinese():
    text = "预训练模型BERT（Bidirectional Encoder Representations from Transformers）采用掩码语言模型。"
    assert pairs(text, minimum=0.0) == set()
    assert prepare(text).abbreviations == (("BERT", "Bidirectional Encoder Representations from Transformers"),)
    # ... nor one whose letters are not all initials (the L of Bilingual)
    text = "以机器翻译里用了二十年的 BLEU（Bilingual Evaluation Understudy）为例。"
    assert pairs(text, minimum=0.0) == set()
    # (but where the English writes it as it is, it names its own thing: 算法 PPO（PPO algorithm）)
    assert pairs("我们采用的策略优化算法 PPO（PPO algorithm）效果很好。", minimum=0.0)
    assert pairs("强化学习算法 PPO（PPO's algorithm）效果很好。", minimum=0.0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "模型采用多查询注意力 MQA（multi-query attention）来减少显存。",
            ("多查询注意力", "multi-query attention", "MQA"),
        ),
        ("我们用均方误差MSE（mean squared error）作为损失。", ("均方误差", "mean squared error", "MSE")),
        ("采用低秩适配 LoRA（Low-Rank Adaptation）微调。", ("低秩适配", "Low-Rank Adaptation", "LoRA")),
        ("学习率 lr（learning rate）设为 0.1。", ("学习率", "learning rate", "lr")),  # (in lower case too)
        # (an abbreviation that leaves a word out ends the Chinese too: 全连接层, not 全连接层 fc)
        ("最后接一个全连接层 fc（fully connected layer）。", ("全连接层", "fully connected layer", None)),
        (
            "近似最近邻搜索 ANN（approximate nearest neighbor search）很常用。",
            ("近似最近邻搜索", "approximate nearest neighbor search", "ANN"),
        ),
    ],
)
def test_the_chinese_before_an_abbreviation_its_bracket_spells_out_is_the_term_where_it_says_the_english(
    text, expected
):
    found = [(zh_key(c.zh), c.en, c.abbr) for c in extract_pairs(text) if c.confidence >= KNOWLEDGE]
    assert found == [expected]
    (candidate,) = extract_pairs(text)
    assert text[candidate.start : candidate.end] == expected[0]  # (the span points at the Chinese, not the letters)


@pytest.mark.parametrize(
    ("text", "name", "english"),
    [
        ("这一方法由芬兰学者贾维林（Kalervo Järvelin）提出。", "贾维林", "Kalervo Järvelin"),
        ("图灵奖得主辛顿（Geoffrey Hinton）是深度学习的先驱。", "辛顿", "Geoffrey Hinton"),
        ("信息检索之父萨尔顿（Gerard Salton）提出了向量空间模型。", "萨尔顿", "Gerard Salton"),
        ("数学家高斯（Carl Friedrich Gauss）发现了这一点。", "高斯", "Carl Friedrich Gauss"),
        ("大奖赛冠军团队的成员科伦（Yehuda Koren）提出了这个模型。", "科伦", "Yehuda Koren"),
    ],
)
def test_a_person_s_name_is_the_term_without_the_title_or_role_before_it(text, name, english):
    assert pairs(text) == {(name, english)}


def test_a_name_in_title_case_english_that_the_chinese_translates_keeps_its_words():
    assert pairs("希尔伯特空间（Hilbert Space）是完备的内积空间。") == {("希尔伯特空间", "Hilbert Space")}
    # (一次 sounds like "once", but it is a word that translates it)
    assert pairs("Kafka 支持精确一次（Exactly Once）语义。") == {("精确一次", "Exactly Once")}
    # (朴素 is no title: a method's name, not a person's)
    assert pairs("本文用朴素贝叶斯（Naive Bayes）作为基线。") == {("朴素贝叶斯", "Naive Bayes")}


def test_a_reading_in_pinyin_is_no_translation():
    assert pairs("大模型（dà móxíng）很火，绿色计算（lǜsè jìsuàn）也是。", minimum=0.0) == set()
    assert pairs("Lǜsè jìsuàn（绿色计算）关注能耗问题。", minimum=0.0) == set()  # (ǜ is a letter of the reading)
    assert pairs("庞加莱（Poincaré）提出了这个猜想。") == {("庞加莱", "Poincaré")}  # (a name with a diacritic)


def test_a_document_s_own_definition_of_an_abbreviation_comes_first_and_a_contradicted_one_is_not_used():
    elsewhere = "交叉验证（cross-validation，CV）很重要。"
    text = "计算机视觉（computer vision，CV）是一个领域。我们研究计算机视觉（CV）。"
    prepared = [prepare(elsewhere), prepare(text)]
    abbreviated = abbreviations(prepared)
    assert abbreviated.expansion("CV") is None  # two definitions disagree
    stats = CorpusStats.build(prepared[1].spans(), [elsewhere, text])
    found = {(c.zh, c.en, c.abbr): c.confidence for c in resolve(text, prepared[1], stats, abbreviated)}
    assert found[("计算机视觉", "computer vision", "CV")] >= 0.8


def test_an_undefined_abbreviation_takes_the_english_of_a_gloss_on_the_same_chinese():
    glossed = "我们介绍支持向量机（support vector machine）。"
    # the words, not just three letters, vouch for the span
    assert confidence(glossed + "然后训练支持向量机（SVM）。", "支持向量机", "SVM") >= 0.8
    # a gloss with the same initials on other Chinese lends nothing, nor one sharing only a head word
    assert confidence("交叉验证（cross-validation）很重要。计算机视觉（CV）也是。", "计算机视觉", "CV") < 0.9
    assert confidence("生成模型（generative model）很强。我们使用语言模型（GM）。", "语言模型", "GM") < 0.8


@pytest.mark.parametrize(
    ("abbr", "english", "expected"),
    [
        ("SVM", "support vector machine", True),
        ("CoT", "Chain-of-Thought", True),
        ("AI", "independently and identically distributed", False),  # initials in order, but not all of them
        ("LS", "label smoothing method", False),
    ],
)
def test_an_acronym_spells_out_exactly_the_initials_of_the_content_words(abbr, english, expected):
    from glossary.extract.english import spells_out

    assert spells_out(abbr, english) is expected


def test_a_to_the_english_says_is_no_sign_of_a_phrase():
    # 到 usually makes a phrase (对齐到人类喜好上), but "sequence to sequence" says it
    text = "序列到序列（sequence to sequence，seq2seq）类的学习任务。"
    phrase = "我们要对齐到人类喜好（align with human preferences）。"
    verb = "模型收敛到最优解（converge to the optimum）。"  # a 'to' that is no X-to-Y name
    assert confidence(text, "序列到序列", "sequence to sequence") >= 0.9
    assert confidence(phrase, "对齐到人类喜好", "align with human preferences") < 0.8
    assert confidence(verb, "收敛到最优解", "converge to the optimum") < 0.8
    # a name, as its abbreviation shows
    assert confidence("文本到语音（Text To Speech，TTS）", "文本到语音", "Text To Speech") >= 0.9


def test_an_abbreviation_glossed_alone_is_weighed_by_the_words_the_corpus_defines_it_as():
    defined = "卷积神经网络（convolutional neural network，CNN）很常用。"
    # the span says every word of "convolutional neural network"
    assert confidence(defined + "这里训练一个卷积神经网络（CNN）。", "卷积神经网络", "CNN") >= 0.9
    # 网络 says one of three: not knowledge, though its length is not far from what three letters predict
    assert confidence(defined + "我们用的这种网络（CNN）很深。", "网络", "CNN") < KNOWLEDGE
    # an abbreviation the corpus never defines is not guessed from the initials of some other gloss
    assert ("计算机视觉", "CV") in pairs("交叉验证（cross-validation）很重要。计算机视觉（CV）也是。")


def test_an_abbreviation_glossed_alone_is_a_sighting_of_the_pair_it_stands_for():
    defined = "卷积神经网络（convolutional neural network，CNN）很常用。"
    glossed = "我们介绍支持向量机（support vector machine）。"
    text = defined + glossed + "这里训练一个卷积神经网络（CNN），再训练支持向量机（SVM）。"
    text += "均方误差（mean squared error）常用。均方误差（MSE）越小越好。"  # a character a word
    found = [(zh_key(c.zh), c.en, c.abbr, text[c.en_start : c.en_end]) for c in extract_pairs(text) if not c.parent]
    assert ("卷积神经网络", "convolutional neural network", "CNN", "CNN") in found
    assert ("支持向量机", "support vector machine", "SVM", "SVM") in found
    assert ("均方误差", "mean squared error", "MSE", "MSE") in found
    assert not {"CNN", "SVM", "MSE"} & {en for _, en, _, _ in found}
    # ... or where the corpus defines it without Chinese, and the dictionary sees all of that English in the Chinese
    found = [(c.zh, c.en, c.abbr) for c in extract_pairs("往返时间，也就是RTT（round-trip time），决定了延迟。")]
    assert found == [("往返时间", "round-trip time", "RTT")]
    assert ("网络", "CNN") in pairs(defined + "我们用的这种网络（CNN）很深。", minimum=0.0)  # (网络 "network" only)
    assert ("往返时间", "RT") in pairs("RT（response time）要短。往返时间（RT）很长。")  # (nothing says "response")
    # one the corpus leaves unexplained, or explains two ways, stays a pair of its own
    assert ("计算机视觉", "CV") in pairs("交叉验证（cross-validation）很重要。我们研究计算机视觉（CV）。")
    assert ("奖励模型", "RM") in pairs("我们训练奖励模型（RM）。")


def test_a_plural_acronym_is_kept_as_its_singular():
    text = "我们训练奖励模型（Reward Model）。多个奖励模型（RMs）打分。大语言模型（Large Language Models，LLMs）很大。"
    found = {(zh_key(c.zh), c.en, c.abbr) for c in extract_pairs(text) if c.parent is None}
    assert ("奖励模型", "Reward Model", "RM") in found
    assert ("大语言模型", "Large Language Models", "LLM") in found


def test_an_abbreviation_defined_elsewhere_is_attached_to_the_pair():
    text = "让模型做一些指令跟随的任务(instruction following)。\n(b)IFEval：IF即Instruction Following，考察模型。"
    (pair,) = [c for c in extract_pairs(text) if c.parent is None]
    assert (zh_key(pair.zh), pair.en, pair.abbr) == ("指令跟随", "instruction following", "IF")


@pytest.mark.parametrize(
    ("text", "defined"),
    [
        ("IF即Instruction Following，考察模型", [("IF", "Instruction Following")]),
        ("LLM（Large Language Model）很大", [("LLM", "Large Language Model")]),
        ("大语言模型 Large Language Model（LLM）", [("LLM", "Large Language Model")]),
        ("**HNSW**，全称 Hierarchical Navigable Small World，即分层", [("HNSW", "Hierarchical Navigable Small World")]),
        ("RAG 的全称是 Retrieval-Augmented Generation。", [("RAG", "Retrieval-Augmented Generation")]),
        # capitals inside a word are not an acronym; the definition after them still counts
        ("xLLM（Large Language Model）", []),
        ("xIF即Instruction Following GPT（Generative Pre Trained）", [("GPT", "Generative Pre Trained")]),
        ("LLM（Large Language Model and more", []),
        ("`LLM（Large Language Model）`", []),
    ],
)
def test_abbreviations_defined_without_chinese(text, defined):
    from glossary.extract.patterns import find_abbreviations

    assert find_abbreviations(text) == defined


@pytest.mark.parametrize(
    ("abbr", "english", "expected"),
    [
        ("IF", "Instruction Following", True),
        ("RLHF", "Reinforcement Learning from Human Feedback", True),
        ("LLM", "large language model", True),
        ("GPU", "graphics card", False),
        ("IF", "if", False),
        # an acronym among the words gives its letters; not where the English writes the abbreviation itself
        ("RLAIF", "reinforcement learning from AI feedback", True),
        ("R-CNN", "Faster R-CNN", False),
        ("DP", "DDP training", False),  # (an acronym's letters all or none)
    ],
)
def test_abbreviation_letters_must_fit_the_words(abbr, english, expected):
    from glossary.extract.patterns import abbreviates

    assert abbreviates(abbr, english) is expected


@pytest.mark.parametrize(
    ("gloss", "forms", "abbr"),
    [
        # the Chinese name written with the abbreviation of the English before it
        ("expectation maximization algorithm，EM算法", ["expectation maximization algorithm"], "EM"),
        # a remark naming something else is no abbreviation, and the gloss is not a clean translation
        ("warp，NVIDIA的叫法", None, None),
        ("thread block，CUDA中", None, None),
        # names that start like a numbered reference are names
        ("Line2Vec", ["Line2Vec"], None),
        ("Part-of-speech tagging", ["Part-of-speech tagging"], None),
        # lower-case short forms cut from the words before them
        ("receive window, rwnd", ["receive window"], "rwnd"),
        ("slow start threshold，ssthresh", ["slow start threshold"], "ssthresh"),
        ("learning rate，lr", ["learning rate"], "lr"),
        ("independent and identically distributed，i.i.d.", ["independent and identically distributed"], "i.i.d."),
        # ... not another word, nor a name that is one word of the other (attention is not "self attention")
        ("forward propagation，forward pass", ["forward propagation", "forward pass"], None),
        ("dropout, drop", ["dropout", "drop"], None),
        ("self attention, attn", ["self attention", "attn"], None),
        ("feed forward network, feedforward", ["feed forward network", "feedforward"], None),  # run together
        # the abbreviation first
        ("TAA，Temporal Anti-Aliasing", ["Temporal Anti-Aliasing"], "TAA"),
        ("LLM, Large Language Model", ["Large Language Model"], "LLM"),
        ("CNN，Large Language Model", ["CNN", "Large Language Model"], None),  # letters that do not fit
        # names starting with a dimension or size, not quantities
        ("3D reconstruction", ["3D reconstruction"], None),
        ("1x1 convolution", ["1x1 convolution"], None),
        ("x + y", None, None),  # (arithmetic, where words joined by a plus are a name)
        ("256KB", None, None),
        ("5-shot", None, None),
        # ... and an acronym whose first word is a small number, not a measure, a time or a count
        ("2PC", ["2PC"], None),
        ("3NF", ["3NF"], None),
        ("5MW", None, None),
        ("2AH", None, None),
        ("2KG", None, None),
        ("3EUR", None, None),
        ("3PM", None, None),
        ("4GPU", None, None),
        ("70B", None, None),
        # a leading article is no part of the name
        ("the deadly triad", ["deadly triad"], None),
        # a slash between capitals is part of a name; between words it separates alternatives
        ("A/B testing", ["A/B testing"], None),
        ("CI/CD pipeline", ["CI/CD pipeline"], None),
        ("forward propagation/forward pass", ["forward propagation", "forward pass"], None),
    ],
)
def test_parts_of_a_gloss(gloss, forms, abbr):
    from glossary.extract.english import parse

    parsed = parse(gloss, 0)
    assert ([f.text for f in parsed.forms] if parsed else None) == forms
    assert (parsed.abbr.text if parsed and parsed.abbr else None) == abbr


def test_the_sentence_and_line_of_a_span():
    from glossary.extract.sentences import sentence_at

    text = "第一行。\n第二行说到预训练（pre-training）！然后\n第三行"
    start = text.index("预训练")
    assert sentence_at(text, start, start + 3) == ("第二行说到预训练（pre-training）！", 2)
    assert sentence_at(text, len(text) - 1, len(text)) == ("第三行", 3)
    endless = "字" * 5000 + "预训练" + "字" * 5000  # no full stop anywhere: the sentence is cut, not the text
    (sentence, line) = sentence_at(endless, 5000, 5003)
    assert sentence.startswith("…字") and sentence.endswith("字…") and "预训练" in sentence and line == 1
    assert len(sentence) <= 700  # (each occurrence stores one: an 8 MB line of glosses made a 1.7 GB glossary)
    assert sentence_at("字" * 5000 + "。预训练。", 5001, 5004)[0] == "预训练。"  # a full stop, no ellipsis
    assert not sentence_at("预训练" + "字" * 300 + "。", 0, 3)[0].endswith("…")  # (one as far as the cut goes)


def test_a_phrase_of_function_characters_is_taken_apart():
    # jieba's dictionary lists 是从 "is from"; CC-CEDICT has no such word, and the clause word 是 is then seen
    assert tokens("图卷积是从谱图理论") == ("图", "卷积", "是", "从", "谱", "图", "理论")
    assert "同时" in tokens("同时训练两个模型")  # a word CC-CEDICT lists ("at the same time") stays one
