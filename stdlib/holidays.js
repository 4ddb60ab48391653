// stdlib/holidays.js — Chinese public holidays and adjusted working days (调休), as data, from the
// State Council General Office's yearly notices 《国务院办公厅关于YYYY年部分节假日安排的通知》.
// Read by stdlib/calendar.js; nothing here computes anything.
//
// One entry per year: the notices that set that year, in the order they were issued (a later
// notice overrides an earlier one for the same date, e.g. the 2020 Spring Festival extension).
// Each notice item quotes the notice's own line (`text`) and gives:
//   off  [first, last]  the days off (放假/放假调休), both included, weekends inside the range too;
//   work [dates]        the weekend days that are working days (上班).
// Everything not listed follows the week: Monday–Friday working, Saturday and Sunday off.
// Provincial holidays (e.g. Guangxi's 三月三) and half-days for some groups (妇女节, 青年节) are
// not national rest days for everyone and are not here.
//
// How each year was checked (no web access while writing: the texts come from stored reprints
// found with the project's search tool): every date below was read against at least two reprints
// of the notice (Xinhua wire copy, gov.cn, the State Council Gazette via Wikisource, People's
// Daily, local government sites), and calendar.test.js checks that every adjusted working day
// falls on the weekday the notice names. Document numbers are given where a reprint showed them;
// null where none of the sources found showed it.
'use strict';

exports.updated = '2025-11-04'; // issue date of the newest notice in this file

exports.years = {
  2020: [{
    title: '国务院办公厅关于2020年部分节假日安排的通知',
    number: '国办发明电〔2019〕16号',
    issued: '2019-11-21',
    url: 'http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm',
    items: [
      { item: '一', name: '元旦', off: ['2020-01-01', '2020-01-01'], work: [],
        text: '元旦:2020年1月1日放假,共1天。' },
      { item: '二', name: '春节', off: ['2020-01-24', '2020-01-30'], work: ['2020-01-19', '2020-02-01'],
        text: '春节:1月24日至30日放假调休,共7天。1月19日(星期日)、2月1日(星期六)上班。' },
      { item: '三', name: '清明节', off: ['2020-04-04', '2020-04-06'], work: [],
        text: '清明节:4月4日至6日放假调休,共3天。' },
      { item: '四', name: '劳动节', off: ['2020-05-01', '2020-05-05'], work: ['2020-04-26', '2020-05-09'],
        text: '劳动节:5月1日至5日放假调休,共5天。4月26日(星期日)、5月9日(星期六)上班。' },
      { item: '五', name: '端午节', off: ['2020-06-25', '2020-06-27'], work: ['2020-06-28'],
        text: '端午节:6月25日至27日放假调休,共3天。6月28日(星期日)上班。' },
      { item: '六', name: '国庆节、中秋节', off: ['2020-10-01', '2020-10-08'], work: ['2020-09-27', '2020-10-10'],
        text: '国庆节、中秋节:10月1日至8日放假调休,共8天。9月27日(星期日)、10月10日(星期六)上班。' }
    ]
  }, {
    // The epidemic extension: 31 January to 2 February off, so 1 February is no longer a working day.
    title: '国务院办公厅关于延长2020年春节假期的通知',
    number: '国办发明电〔2020〕1号',
    issued: '2020-01-26',
    url: 'http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm',
    items: [
      { item: '一', name: '春节(延长)', off: ['2020-01-31', '2020-02-02'], work: [],
        text: '延长2020年春节假期至2月2日(农历正月初九,星期日),2月3日(星期一)起正常上班。' }
    ]
  }],

  2021: [{
    title: '国务院办公厅关于2021年部分节假日安排的通知',
    number: '国办发明电〔2020〕27号',
    issued: '2020-11-25',
    url: null,
    items: [
      { item: '一', name: '元旦', off: ['2021-01-01', '2021-01-03'], work: [],
        text: '元旦:2021年1月1日至3日放假,共3天。' },
      { item: '二', name: '春节', off: ['2021-02-11', '2021-02-17'], work: ['2021-02-07', '2021-02-20'],
        text: '春节:2月11日至17日放假调休,共7天。2月7日(星期日)、2月20日(星期六)上班。' },
      { item: '三', name: '清明节', off: ['2021-04-03', '2021-04-05'], work: [],
        text: '清明节:4月3日至5日放假调休,共3天。' },
      { item: '四', name: '劳动节', off: ['2021-05-01', '2021-05-05'], work: ['2021-04-25', '2021-05-08'],
        text: '劳动节:5月1日至5日放假调休,共5天。4月25日(星期日)、5月8日(星期六)上班。' },
      { item: '五', name: '端午节', off: ['2021-06-12', '2021-06-14'], work: [],
        text: '端午节:6月12日至14日放假,共3天。' },
      { item: '六', name: '中秋节', off: ['2021-09-19', '2021-09-21'], work: ['2021-09-18'],
        text: '中秋节:9月19日至21日放假调休,共3天。9月18日(星期六)上班。' },
      { item: '七', name: '国庆节', off: ['2021-10-01', '2021-10-07'], work: ['2021-09-26', '2021-10-09'],
        text: '国庆节:10月1日至7日放假调休,共7天。9月26日(星期日)、10月9日(星期六)上班。' }
    ]
  }],

  2022: [{
    title: '国务院办公厅关于2022年部分节假日安排的通知',
    number: '国办发明电〔2021〕11号',
    issued: '2021-10-25',
    url: 'http://www.beijing.gov.cn/zhengce/zhengcefagui/202110/t20211026_2520500.html',
    items: [
      { item: '一', name: '元旦', off: ['2022-01-01', '2022-01-03'], work: [],
        text: '元旦:2022年1月1日至3日放假,共3天。' },
      { item: '二', name: '春节', off: ['2022-01-31', '2022-02-06'], work: ['2022-01-29', '2022-01-30'],
        text: '春节:1月31日至2月6日放假调休,共7天。1月29日(星期六)、1月30日(星期日)上班。' },
      { item: '三', name: '清明节', off: ['2022-04-03', '2022-04-05'], work: ['2022-04-02'],
        text: '清明节:4月3日至5日放假调休,共3天。4月2日(星期六)上班。' },
      { item: '四', name: '劳动节', off: ['2022-04-30', '2022-05-04'], work: ['2022-04-24', '2022-05-07'],
        text: '劳动节:4月30日至5月4日放假调休,共5天。4月24日(星期日)、5月7日(星期六)上班。' },
      { item: '五', name: '端午节', off: ['2022-06-03', '2022-06-05'], work: [],
        text: '端午节:6月3日至5日放假,共3天。' },
      { item: '六', name: '中秋节', off: ['2022-09-10', '2022-09-12'], work: [],
        text: '中秋节:9月10日至12日放假,共3天。' },
      { item: '七', name: '国庆节', off: ['2022-10-01', '2022-10-07'], work: ['2022-10-08', '2022-10-09'],
        text: '国庆节:10月1日至7日放假调休,共7天。10月8日(星期六)、10月9日(星期日)上班。' }
    ]
  }],

  2023: [{
    title: '国务院办公厅关于2023年部分节假日安排的通知',
    number: '国办发明电〔2022〕16号',
    issued: '2022-12-08',
    url: 'http://www.mee.gov.cn/zcwj/gwywj/202212/t20221209_1007555.shtml',
    items: [
      { item: '一', name: '元旦', off: ['2022-12-31', '2023-01-02'], work: [],
        text: '元旦:2022年12月31日至2023年1月2日放假调休,共3天。' },
      { item: '二', name: '春节', off: ['2023-01-21', '2023-01-27'], work: ['2023-01-28', '2023-01-29'],
        text: '春节:1月21日至27日放假调休,共7天。1月28日(星期六)、1月29日(星期日)上班。' },
      { item: '三', name: '清明节', off: ['2023-04-05', '2023-04-05'], work: [],
        text: '清明节:4月5日放假,共1天。' },
      { item: '四', name: '劳动节', off: ['2023-04-29', '2023-05-03'], work: ['2023-04-23', '2023-05-06'],
        text: '劳动节:4月29日至5月3日放假调休,共5天。4月23日(星期日)、5月6日(星期六)上班。' },
      { item: '五', name: '端午节', off: ['2023-06-22', '2023-06-24'], work: ['2023-06-25'],
        text: '端午节:6月22日至24日放假调休,共3天。6月25日(星期日)上班。' },
      { item: '六', name: '中秋节、国庆节', off: ['2023-09-29', '2023-10-06'], work: ['2023-10-07', '2023-10-08'],
        text: '中秋节、国庆节:9月29日至10月6日放假调休,共8天。10月7日(星期六)、10月8日(星期日)上班。' }
    ]
  }],

  2024: [{
    title: '国务院办公厅关于2024年部分节假日安排的通知',
    number: '国办发明电〔2023〕7号',
    issued: '2023-10-25',
    url: null,
    items: [
      { item: '一', name: '元旦', off: ['2024-01-01', '2024-01-01'], work: [],
        text: '元旦:1月1日放假,与周末连休。' },
      // 除夕 (9 February) is only "encouraged" as a day off: it stays a working day here.
      { item: '二', name: '春节', off: ['2024-02-10', '2024-02-17'], work: ['2024-02-04', '2024-02-18'],
        text: '春节:2月10日至17日放假调休,共8天。2月4日(星期日)、2月18日(星期日)上班。鼓励各单位结合带薪年休假等制度落实,安排职工在除夕(2月9日)休息。' },
      { item: '三', name: '清明节', off: ['2024-04-04', '2024-04-06'], work: ['2024-04-07'],
        text: '清明节:4月4日至6日放假调休,共3天。4月7日(星期日)上班。' },
      { item: '四', name: '劳动节', off: ['2024-05-01', '2024-05-05'], work: ['2024-04-28', '2024-05-11'],
        text: '劳动节:5月1日至5日放假调休,共5天。4月28日(星期日)、5月11日(星期六)上班。' },
      { item: '五', name: '端午节', off: ['2024-06-10', '2024-06-10'], work: [],
        text: '端午节:6月10日放假,与周末连休。' },
      { item: '六', name: '中秋节', off: ['2024-09-15', '2024-09-17'], work: ['2024-09-14'],
        text: '中秋节:9月15日至17日放假调休,共3天。9月14日(星期六)上班。' },
      { item: '七', name: '国庆节', off: ['2024-10-01', '2024-10-07'], work: ['2024-09-29', '2024-10-12'],
        text: '国庆节:10月1日至7日放假调休,共7天。9月29日(星期日)、10月12日(星期六)上班。' }
    ]
  }],

  // From 2025 the revised 《全国年节及纪念日放假办法》 gives 13 statutory days (Spring Festival and
  // Labour Day one more each).
  2025: [{
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    number: '国办发明电〔2024〕12号',
    issued: '2024-11-12',
    url: 'https://www.gov.cn/zhengce/content/202411/content_6986382.htm',
    items: [
      { item: '一', name: '元旦', off: ['2025-01-01', '2025-01-01'], work: [],
        text: '元旦:1月1日(周三)放假1天,不调休。' },
      { item: '二', name: '春节', off: ['2025-01-28', '2025-02-04'], work: ['2025-01-26', '2025-02-08'],
        text: '春节:1月28日(农历除夕、周二)至2月4日(农历正月初七、周二)放假调休,共8天。1月26日(周日)、2月8日(周六)上班。' },
      { item: '三', name: '清明节', off: ['2025-04-04', '2025-04-06'], work: [],
        text: '清明节:4月4日(周五)至6日(周日)放假,共3天。' },
      { item: '四', name: '劳动节', off: ['2025-05-01', '2025-05-05'], work: ['2025-04-27'],
        text: '劳动节:5月1日(周四)至5日(周一)放假调休,共5天。4月27日(周日)上班。' },
      { item: '五', name: '端午节', off: ['2025-05-31', '2025-06-02'], work: [],
        text: '端午节:5月31日(周六)至6月2日(周一)放假,共3天。' },
      { item: '六', name: '国庆节、中秋节', off: ['2025-10-01', '2025-10-08'], work: ['2025-09-28', '2025-10-11'],
        text: '国庆节、中秋节:10月1日(周三)至8日(周三)放假调休,共8天。9月28日(周日)、10月11日(周六)上班。' }
    ]
  }],

  2026: [{
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    number: null, // not shown by any reprint found; the text and date are confirmed
    issued: '2025-11-04',
    url: 'https://www.gov.cn/zhengce/content/202511/content_7047090.htm',
    items: [
      { item: '一', name: '元旦', off: ['2026-01-01', '2026-01-03'], work: ['2026-01-04'],
        text: '元旦:1月1日(周四)至3日(周六)放假调休,共3天。1月4日(周日)上班。' },
      { item: '二', name: '春节', off: ['2026-02-15', '2026-02-23'], work: ['2026-02-14', '2026-02-28'],
        text: '春节:2月15日(农历腊月二十八、周日)至23日(农历正月初七、周一)放假调休,共9天。2月14日(周六)、2月28日(周六)上班。' },
      { item: '三', name: '清明节', off: ['2026-04-04', '2026-04-06'], work: [],
        text: '清明节:4月4日(周六)至6日(周一)放假,共3天。' },
      { item: '四', name: '劳动节', off: ['2026-05-01', '2026-05-05'], work: ['2026-05-09'],
        text: '劳动节:5月1日(周五)至5日(周二)放假调休,共5天。5月9日(周六)上班。' },
      { item: '五', name: '端午节', off: ['2026-06-19', '2026-06-21'], work: [],
        text: '端午节:6月19日(周五)至21日(周日)放假,共3天。' },
      { item: '六', name: '中秋节', off: ['2026-09-25', '2026-09-27'], work: [],
        text: '中秋节:9月25日(周五)至27日(周日)放假,共3天。' },
      { item: '七', name: '国庆节', off: ['2026-10-01', '2026-10-07'], work: ['2026-09-20', '2026-10-10'],
        text: '国庆节:10月1日(周四)至7日(周三)放假调休,共7天。9月20日(周日)、10月10日(周六)上班。' }
    ]
  }]
};
