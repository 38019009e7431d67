import { FIGURE_ID_PATTERN } from "@govreport/schema";

/**
 * Readable figure ids from the words around a quantity. Pinyin is not at hand, so the words are looked up in
 * a small dictionary of terms common in government reports; a figure whose words are not in it gets a
 * numbered id (`figure_12`) the drafter can rename.
 */

/** Chinese term → English id word. Longer terms win over the terms they contain (行政复议 before 复议). */
const TERMS: ReadonlyArray<readonly [string, string]> = [
  // Law-based government
  ["行政复议", "reconsideration"],
  ["行政诉讼", "litigation"],
  ["行政应诉", "litigation"],
  ["出庭应诉", "court_appearance"],
  ["人民调解", "mediation"],
  ["调解", "mediation"],
  ["调处", "mediation"],
  ["司法确认", "judicial_confirmation"],
  ["法律援助", "legal_aid"],
  ["法律帮助", "legal_assistance"],
  ["法律咨询", "legal_consultation"],
  ["法律顾问", "legal_advisers"],
  ["法律文书", "legal_documents"],
  ["公证", "notary"],
  ["普法", "legal_education"],
  ["法治宣传", "legal_education"],
  ["法治讲座", "law_lectures"],
  ["法治体检", "legal_checkups"],
  ["行政执法", "enforcement"],
  ["执法人员", "enforcement_staff"],
  ["执法证", "enforcement_certificates"],
  ["执法车辆", "enforcement_vehicles"],
  ["执法", "enforcement"],
  ["案卷", "case_files"],
  ["行政处罚", "penalties"],
  ["行政许可", "licences"],
  ["规范性文件", "normative_documents"],
  ["合法性审查", "legality_review"],
  ["重大行政决策", "major_decisions"],
  ["决策事项", "decisions"],
  ["人大代表建议", "deputy_proposals"],
  ["政协提案", "cppcc_proposals"],
  ["建议", "proposals"],
  ["提案", "proposals"],
  ["办复", "replies"],
  ["政府信息", "disclosure"],
  ["信息公开", "disclosure"],
  ["主动公开", "disclosure"],
  ["政策解读", "policy_interpretations"],
  ["会议纪要", "meeting_minutes"],
  ["信访", "petitions"],
  ["重点工作", "key_tasks"],
  ["概况", "overview"],
  ["政务动态", "news"],
  ["目录", "catalogue"],
  ["特殊群体", "special_groups"],
  ["延时", "extended_hours"],
  ["经济损失", "losses"],
  ["标语", "banners"],
  ["用工合同", "employment_contracts"],
  ["辩护意见", "defence_opinions"],
  ["受援", "recipients"],
  ["投诉", "complaints"],
  ["举报", "reports"],
  ["欠薪", "wage_arrears"],
  ["农民工", "migrant_workers"],
  ["清欠", "recovered"],
  ["工资", "wages"],
  ["劳动合同", "labour_contracts"],
  ["劳动保障", "labour"],
  ["童工", "child_labour"],
  ["社保", "social_insurance"],
  ["整改建议", "rectification_suggestions"],
  ["整改", "rectifications"],
  ["政府合同", "contracts"],
  ["合同", "contracts"],
  ["协议", "agreements"],
  ["文件", "documents"],
  ["电子证照", "e_licences"],
  ["电子印章", "e_seals"],
  ["证照", "licences"],
  ["印章", "seals"],
  ["签章", "signatures"],
  ["审批", "approval"],
  ["政务服务", "government_services"],
  ["一体化平台", "platform"],
  ["平台", "platform"],
  ["网上可办", "online"],
  ["全程网办", "fully_online"],
  ["只跑一次", "one_visit"],
  ["情形", "scenarios"],
  ["便民措施", "convenience_measures"],
  ["专项行动", "campaigns"],
  ["自治机制", "self_governance_rules"],
  // Government work reports
  ["地区生产总值", "gdp"],
  ["生产总值", "gdp"],
  ["规模以上工业增加值", "industrial_value_added"],
  ["工业增加值", "industrial_value_added"],
  ["工业总产值", "industrial_output"],
  ["规上工业", "industry"],
  ["规模以上", "above_scale"],
  ["工业", "industry"],
  ["增加值", "value_added"],
  ["总产值", "output"],
  ["产值", "output"],
  ["营收", "revenue"],
  ["营业收入", "revenue"],
  ["固定资产投资", "fixed_investment"],
  ["社会消费品零售总额", "retail_sales"],
  ["一般公共预算收入", "budget_revenue"],
  ["一般公共预算支出", "budget_spending"],
  ["财政收入", "fiscal_revenue"],
  ["税收", "tax"],
  ["进出口", "trade"],
  ["出口", "exports"],
  ["进口", "imports"],
  ["外资", "foreign_investment"],
  ["投资", "investment"],
  ["消费", "consumption"],
  ["零售", "retail"],
  ["研发", "research"],
  ["发明专利", "invention_patents"],
  ["专利", "patents"],
  ["知识产权", "ip"],
  ["国家高新技术企业", "high_tech_firms"],
  ["高新技术企业", "high_tech_firms"],
  ["专精特新", "specialised_firms"],
  ["上市公司", "listed_firms"],
  ["上市企业", "listed_firms"],
  ["市场主体", "market_entities"],
  ["商事主体", "business_entities"],
  ["民营企业", "private_firms"],
  ["小微企业", "small_firms"],
  ["四上企业", "reporting_firms"],
  ["企业", "firms"],
  ["重大项目", "major_projects"],
  ["重点项目", "key_projects"],
  ["项目", "projects"],
  ["实验室", "laboratories"],
  ["研究院", "institutes"],
  ["创新载体", "innovation_platforms"],
  ["人才", "talent"],
  ["学位", "school_places"],
  ["幼儿园", "kindergartens"],
  ["学校", "schools"],
  ["医院", "hospitals"],
  ["床位", "beds"],
  ["社康", "clinics"],
  ["养老", "elderly_care"],
  ["公共住房", "public_housing"],
  ["保障性住房", "affordable_housing"],
  ["人才住房", "talent_housing"],
  ["住房", "housing"],
  ["就业", "employment"],
  ["岗位", "jobs"],
  ["公园", "parks"],
  ["绿道", "greenways"],
  ["道路", "roads"],
  ["停车位", "parking_spaces"],
  ["地铁", "metro"],
  ["厂房", "factory_space"],
  ["产业空间", "industrial_space"],
  ["用地", "land"],
  ["土地", "land"],
  ["面积", "area"],
  ["城中村", "urban_villages"],
  ["城市更新", "urban_renewal"],
  ["污水", "sewage"],
  ["水质", "water_quality"],
  ["光伏", "solar"],
  ["装机容量", "capacity"],
  ["充电桩", "charging_points"],
  ["基站", "base_stations"],
  ["网格", "grid_cells"],
  ["事故", "accidents"],
  ["隐患", "hazards"],
  ["消费帮扶", "consumption_aid"],
  ["帮扶", "assistance"],
  ["慈善", "charity"],
  ["募集", "raised"],
  ["物资", "supplies"],
  ["贷款", "loans"],
  ["融资", "financing"],
  ["减税降费", "tax_relief"],
  ["补贴", "subsidies"],
  ["补助", "subsidies"],
  ["资金", "funds"],
  ["奖励", "awards"],
  ["人口", "population"],
  ["居民", "residents"],
  ["志愿者", "volunteers"],
  ["游客", "visitors"],
  ["旅游", "tourism"],
  ["文化", "culture"],
  ["体育", "sports"],
  ["演出", "performances"],
  ["疫苗", "vaccination"],
  ["接种", "vaccination"],
  ["核酸", "testing"],
  ["检测", "tests"],
  // Places and bodies
  ["区级部门", "departments"],
  ["部门", "departments"],
  ["单位", "units"],
  ["镇", "towns"],
  ["街道", "subdistricts"],
  ["村", "villages"],
  ["社区", "communities"],
  ["园区", "industrial_parks"],
  // What is measured
  ["成功率", "success_rate"],
  ["按时办复率", "on_time_rate"],
  ["办复率", "reply_rate"],
  ["出庭率", "appearance_rate"],
  ["应诉率", "appearance_rate"],
  ["结案率", "closure_rate"],
  ["采纳率", "adoption_rate"],
  ["胜诉率", "win_rate"],
  ["签订率", "signing_rate"],
  ["配置率", "config_rate"],
  ["可办率", "online_rate"],
  ["网办率", "online_rate"],
  ["覆盖率", "coverage_rate"],
  ["满意率", "satisfaction_rate"],
  ["满意度", "satisfaction"],
  ["及时率", "timeliness_rate"],
  ["合格率", "pass_rate"],
  ["达标率", "compliance_rate"],
  ["优良率", "good_rate"],
  ["完成率", "completion_rate"],
  ["增长率", "growth_rate"],
  ["增速", "growth_rate"],
  ["占比", "share"],
  ["比例", "ratio"],
  ["比重", "share"],
  ["同比增长", "growth"],
  ["同比下降", "decline"],
  ["增长", "growth"],
  ["下降", "decline"],
  ["提高", "increase"],
  ["减少", "decrease"],
  ["压缩", "cut"],
  ["案件", "cases"],
  ["申请", "applications"],
  ["撤回", "withdrawn"],
  ["成功", "succeeded"],
  ["办结", "closed"],
  ["受理", "accepted"],
  ["结案", "closed"],
  ["纠正", "corrected"],
  ["撤销", "revoked"],
  ["维持", "upheld"],
  ["驳回", "dismissed"],
  ["新增", "new"],
  ["累计", "cumulative"],
  ["总数", "total"],
  ["总计", "total"],
  ["人次", "visits"],
  ["人员", "staff"],
  ["人数", "people"],
  ["培训", "training"],
  ["考试", "exam"],
  ["讲座", "lectures"],
  ["活动", "events"],
  ["资料", "materials"],
  ["横幅", "banners"],
  ["事项", "items"],
  ["措施", "measures"],
  ["车辆", "vehicles"],
  ["咨询", "consultations"],
  ["金额", "amount"],
  ["收入", "revenue"],
  ["支出", "spending"],
  ["建设", "construction"],
  ["改造", "renovation"],
  ["完成", "completed"],
];

/** Terms by their first character, longest first, so each position of a text is tried against a handful of terms. */
const TERMS_BY_FIRST = new Map<string, Array<readonly [string, string]>>();
for (const term of [...TERMS].sort((a, b) => b[0].length - a[0].length)) {
  const first = term[0][0] ?? "";
  const list = TERMS_BY_FIRST.get(first);
  if (list) list.push(term);
  else TERMS_BY_FIRST.set(first, [term]);
}

/** Words that say what is measured rather than what about; the others name the topic. */
const MEASURES = new Set([
  "success_rate", "on_time_rate", "reply_rate", "appearance_rate", "closure_rate", "adoption_rate", "win_rate",
  "signing_rate", "config_rate", "online_rate", "coverage_rate", "satisfaction_rate", "satisfaction",
  "timeliness_rate", "pass_rate", "compliance_rate", "good_rate", "completion_rate", "growth_rate", "share", "ratio",
  "growth", "decline", "increase", "decrease", "cut", "cases", "applications", "withdrawn", "succeeded", "closed",
  "accepted", "corrected", "revoked", "upheld", "dismissed", "new", "cumulative", "total", "visits", "staff", "people",
  "training", "exam", "lectures", "events", "materials", "banners", "items", "measures", "vehicles", "consultations",
  "amount", "revenue", "spending", "construction", "renovation", "completed", "recovered", "replies",
]);

/** The id words for a text, in the order the terms appear in it, each once. */
export function idWords(text: string): string[] {
  const words: string[] = [];
  let at = 0;
  while (at < text.length) {
    const term = TERMS_BY_FIRST.get(text[at] ?? "")?.find(([chinese]) => text.startsWith(chinese, at));
    if (term) {
      if (!words.includes(term[1])) words.push(term[1]);
      at += term[0].length;
    } else at++;
  }
  return words;
}

export type MeasureKind = "rate" | "amount" | "people" | "count" | "length" | "area" | "volume" | "mass" | "energy" | "power" | "time";

export interface FigureWords {
  /** The words before the quantity in its clause (调解成功率 in 调解成功率达100%). */
  readonly label: string;
  /** The words after it (区级部门 in 38个区级部门). */
  readonly following: string;
  /** The sentence up to the label, where the topic of a bare 按时办复率 is named. */
  readonly sentence: string;
  readonly kind: MeasureKind;
}

/**
 * Candidate ids for a figure, best first: `topic.measure` (mediation.success_rate), then with the words between
 * (legal_aid.criminal_cases) for when the first is taken. The topic is the first topic word of the label, or the
 * last one named earlier in the sentence; the measure the last measure word, or else the kind of quantity.
 */
export function proposeIds(words: FigureWords): string[] {
  let found = idWords(words.label);
  if (found.length === 0 || (words.label.length <= 2 && idWords(words.following).length > 0)) found = [...found, ...idWords(words.following)];
  const topics = found.filter((word) => !MEASURES.has(word));
  const measures = found.filter((word) => MEASURES.has(word));
  const topic = topics[0] ?? idWords(words.sentence).filter((word) => !MEASURES.has(word)).pop();
  const named = measures[measures.length - 1] ?? topics[1];
  // A percentage is a rate, whatever else its label names.
  const measure = words.kind === "rate" && named !== undefined && !/rate|share|ratio|growth|decline|satisfaction/.test(named) ? "rate" : (named ?? words.kind);
  const ids: string[] = [];
  if (topic !== undefined) {
    ids.push(`${topic}.${measure}`);
    const between = [...topics.slice(1), ...measures.slice(0, -1)].filter((word) => word !== measure);
    if (between.length > 0) ids.push(`${topic}.${between.slice(0, 2).join("_")}_${measure}`);
  } else if (measures.length > 0 && measure !== words.kind) ids.push(`${measure}.${words.kind}`);
  return ids.filter((id) => FIGURE_ID_PATTERN.test(id));
}

/** Hands out ids, each once: the first free candidate, else the first with a number (`_2`), else `figure_<n>`. */
export class IdAllocator {
  private readonly used = new Set<string>();
  /** The next number to try per base id, so a thousand `cases` figures do not each count up from 2. */
  private readonly nextNumber = new Map<string, number>();
  private unnamed = 0;

  allocate(candidates: readonly string[]): string {
    const free = candidates.find((candidate) => !this.used.has(candidate));
    let id: string;
    if (free !== undefined) id = free;
    else if (candidates[0] !== undefined) {
      const base = candidates[0];
      let n = this.nextNumber.get(base) ?? 2;
      while (this.used.has(`${base}_${n}`)) n++;
      this.nextNumber.set(base, n + 1);
      id = `${base}_${n}`;
    } else {
      do id = `figure_${++this.unnamed}`;
      while (this.used.has(id));
    }
    this.used.add(id);
    return id;
  }
}
