import { z } from 'zod'

// Every validation message a person sees is Chinese, including zod's built-in ones. A field left out is said to
// be required: zod's own text for it (「无效输入：期望 string，实际接收 undefined」) reads as a program's error, and
// an import row with an empty required cell showed exactly that. Messages a schema sets itself still come first.
z.config({
  ...z.locales.zhCN(),
  customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? '必填项，不能为空' : undefined),
})
