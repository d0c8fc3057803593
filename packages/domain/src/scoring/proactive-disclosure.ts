import { validityNames } from "../normative.ts";
import { aboutItem } from "./deduction.ts";
import { firstPublishedOn, inYear } from "./facts.ts";
import { type RuleDefinition, simple } from "./rule.ts";

/**
 * OGI Art. 26: proactive information within 20 working days of being formed, dates compared
 * (a Saturday after the last working day is late). The facts were counted at publication
 * (timeliness.ts) and are recounted when a missing notice is loaded; while still provisional,
 * only what is late under every possible notice is held against the unit.
 */
export const proactiveTimeliness: RuleDefinition = {
  id: "proactive-timeliness",
  name: "主动公开信息在形成之日起20个工作日内公开",
  params: simple,
  evaluate: (_params, facts) =>
    facts.items
      .filter(inYear(facts.year))
      .filter((i) => i.disclosureMethod !== "on-request")
      .flatMap((item) => {
        const p = item.timeliness?.proactive;
        if (!p || !lateForSure(p)) return [];
        return [
          aboutItem(
            item,
            `成文于${item.generatedOn}，${firstPublishedOn(item)}才公开，用时${p.workingDays}个工作日，晚于${p.limit}个工作日时限的最后一日${p.dueOn ? `（${p.dueOn}）` : ""}（条例第二十六条）`,
          ),
        ];
      }),
};

/** Late, and no holiday notice still to be loaded could make it on time. */
const lateForSure = (t: {
  onTime: boolean;
  provisional: boolean;
  lateWhateverTheNotice?: boolean | undefined;
}) => !t.onTime && (!t.provisional || t.lateWhateverTheNotice === true);

/**
 * 规范性文件要素: 文号, 施行日期 (every item already requires its 成文日期), 有效性, the linked
 * interpretation; an amended or repealed document marked on the original with the document
 * that amended or repealed it (国办发〔2017〕47号).
 */
export const normativeCompleteness: RuleDefinition = {
  id: "normative-completeness",
  name: "规范性文件要素齐全，修改废止的已标注",
  params: simple,
  evaluate: (_params, facts) => {
    const interpreted = new Set(facts.interpretations.map((i) => i.interprets));
    return facts.items
      .filter((i) => i.kind === "normative")
      .flatMap((doc) => {
        const missing: string[] = [];
        if (!doc.docNumber?.trim()) missing.push("文号");
        if (!doc.effectiveOn) missing.push("施行日期");
        if (!doc.validity) missing.push("有效性");
        if (!interpreted.has(doc.id)) missing.push("关联解读");
        const ended = doc.validity === "amended" || doc.validity === "repealed";
        const marking = [...doc.validityHistory].reverse().find((e) => e.status === doc.validity);
        if (ended && !marking?.byItemId)
          missing.push(`${validityNames[doc.validity ?? "effective"]}的依据文件`);
        return missing.length ? [aboutItem(doc, `要素不全：缺少${missing.join("、")}`)] : [];
      });
  },
};

/** 三同步: each normative document of the year has an interpretation, published within the lag allowed. */
export const interpretationTimeliness: RuleDefinition = {
  id: "interpretation-timeliness",
  name: "政策解读与文件同步（关联且及时）",
  params: simple,
  evaluate: (_params, facts) =>
    facts.items
      .filter((i) => i.kind === "normative")
      .filter(inYear(facts.year))
      .flatMap((doc) => {
        const own = facts.interpretations.filter((i) => i.interprets === doc.id);
        if (own.length === 0) return [aboutItem(doc, "未发布关联的政策解读（三同步）")];
        const onTime = own.some((i) => {
          const lag = i.timeliness?.interpretation;
          return !lag || !lateForSure(lag);
        });
        if (onTime) return [];
        const first = [...own].sort((a, b) => firstPublishedOn(a).localeCompare(firstPublishedOn(b)))[0];
        const lag = first?.timeliness?.interpretation;
        return first && lag
          ? [
              aboutItem(
                first,
                `解读晚于文件${lag.workingDays}个工作日发布，超过${lag.limit}个工作日（三同步）：${doc.title}`,
              ),
            ]
          : [];
      }),
};

/** 预算法 Art. 14: budgets and final accounts within 20 calendar days of approval. */
export const budgetTimeliness: RuleDefinition = {
  id: "budget-timeliness",
  name: "预决算在批复后20日内公开",
  params: simple,
  evaluate: (_params, facts) =>
    facts.items
      .filter((i) => i.kind === "budget")
      .filter(inYear(facts.year))
      .flatMap((item) => {
        const b = item.timeliness?.budget;
        // A last day a notice still to be loaded may move is not held against the unit.
        if (!b || b.onTime || b.provisional) return [];
        return [aboutItem(item, `批复后${b.calendarDays}日才公开，超过${b.limit}日（预算法第十四条）`)];
      }),
};
