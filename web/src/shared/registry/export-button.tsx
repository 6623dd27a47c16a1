import { DownloadOutlined } from '@ant-design/icons'
import { useMutation } from '@tanstack/react-query'
import { App, Button } from 'antd'
import { saveBlob } from '../format'
import { errorMessage, http } from '../http'

type Query = Record<string, string | number | undefined>

/** 导出 the list as filtered now (.xlsx), with the same visibility rules as the list itself. */
export function ExportButton({ path, query, fileName }: { path: string; query: Query; fileName: string }) {
  const { message } = App.useApp()
  const download = useMutation({ mutationFn: () => http.download(path, query) })
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={download.isPending}
      onClick={() =>
        download.mutate(undefined, {
          onSuccess: ({ blob, fileName: suggested }) => {
            saveBlob(blob, suggested ?? fileName)
            message.success('已导出当前筛选结果')
          },
          onError: (error) => message.error(errorMessage(error)),
        })
      }
    >
      导出
    </Button>
  )
}
