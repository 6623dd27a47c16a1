import { z } from 'zod'

// Every validation message a person sees is Chinese, including zod's built-in ones.
z.config(z.locales.zhCN())
